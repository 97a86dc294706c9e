// ABR rules (throughput, BOLA, dash.js dynamic, a LoL+-style low-latency rule) and the throughput estimate.
export { ABR_RULE_IDS, type AbrRuleId } from './ids.ts';
export type { AbrRule } from './types.ts';
export { ABR_RULES } from './registry.ts';
export { THROUGHPUT_RULE } from './throughput-rule.ts';
export { BOLA_RULE, bolaRung, bolaMaxLevelS, bolaMinLevelS, PLACEHOLDER_BUFFER_DECAY } from './bola.ts';
export { DYNAMIC_RULE } from './dynamic.ts';
export { LOLP_LITE_RULE, LOLP_HORIZON, LOLP_MIN_BUFFER_S, NQOE_GAMMA_LOW, NQOE_GAMMA_HIGH, NQOE_LATENCY_KNEE_S, NQOE_MU } from './lolp-lite.ts';
export * from './throughput.ts';
