// The JSON Schema of scenario files, for editors (yaml-language-server: `# yaml-language-server:
// $schema=livelab.schema.json`). It describes the input form: defaults are optional, times may be
// strings. Draft-07, the draft editors support best.
import { z } from 'zod';
import { ScenarioSchema } from './scenario.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'LiveLab scenario' };
}
