// The JSON Schema of scenario files, for editors: docs/scenario.schema.json, or `livelab schema`
// (yaml-language-server: `# yaml-language-server: $schema=<path>`). It describes the input form:
// defaults are optional, times may be strings. Draft-07, the draft editors support best.
import { z } from 'zod';
import { ScenarioSchema } from './scenario.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, {
    io: 'input',
    target: 'draft-7',
    unrepresentable: 'any',
    // zod leaves out the default of a field whose input is transformed (times, durations): put it back
    override: ({ zodSchema, jsonSchema }) => {
      const def = (zodSchema as unknown as { _zod: { def: { type: string; defaultValue?: unknown } } })._zod.def;
      if (def.type === 'default' && jsonSchema.default === undefined) jsonSchema.default = def.defaultValue as never;
    },
  }) as Record<string, unknown>;
  return { ...schema, title: 'LiveLab scenario' };
}
