// Every ABR rule by id. The contract suite (contract.test.ts) runs against each of these.
import { BOLA_RULE } from './bola.ts';
import { DYNAMIC_RULE } from './dynamic.ts';
import type { AbrRuleId } from './ids.ts';
import { LOLP_LITE_RULE } from './lolp-lite.ts';
import { THROUGHPUT_RULE } from './throughput-rule.ts';
import type { AbrRule } from './types.ts';

export const ABR_RULES: Readonly<Record<AbrRuleId, AbrRule>> = {
  throughput: THROUGHPUT_RULE,
  bola: BOLA_RULE,
  dynamic: DYNAMIC_RULE,
  'lolp-lite': LOLP_LITE_RULE,
};
