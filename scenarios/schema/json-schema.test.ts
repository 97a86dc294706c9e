import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { scenarioReference } from './docs.ts';
import { scenarioJsonSchema } from './json-schema.ts';
import { SECTION_KEYS, ScenarioSchema } from './scenario.ts';
import { defOf, descriptionOf, unwrap } from './walk.ts';

describe('scenarioJsonSchema', () => {
  it('is JSON and describes every top-level section', () => {
    const text = JSON.stringify(scenarioJsonSchema());
    const schema = JSON.parse(text) as { $schema: string; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(schema.properties)).toEqual([...SECTION_KEYS]);
    expect(SECTION_KEYS).toEqual(['name', 'description', 'seed', 'rng', 'show', 'catalog', 'audience', 'network', 'strategy', 'anomalies', 'thresholds', 'variants']);
    expect(schema.additionalProperties).toBe(false);
  });
});

/** Every field of every mapping in the schema, with its dotted path. */
function fields(s: z.ZodType, path: string, out: [string, z.ZodType][]): [string, z.ZodType][] {
  const d = defOf(unwrap(s));
  if (d.type === 'object') {
    for (const [k, v] of Object.entries(d.shape ?? {})) {
      out.push([`${path}.${k}`, v]);
      fields(v, `${path}.${k}`, out);
    }
  }
  else if (d.type === 'array' && d.element) fields(d.element, `${path}[]`, out);
  else if (d.type === 'union' && d.options) d.options.forEach((o) => fields(o, path, out));
  return out;
}

describe('the schema', () => {
  it('describes every field (the docs and editor hovers come from these)', () => {
    const missing = fields(ScenarioSchema, '', []).filter(([, s]) => !descriptionOf(s)).map(([p]) => p);
    expect(missing).toEqual([]);
  });
});

describe('the committed docs are the generated ones (run npm run docs:scenarios after changing the schema)', () => {
  it('docs/scenario-reference.md', () => {
    expect(readFileSync(new URL('../../docs/scenario-reference.md', import.meta.url), 'utf8')).toBe(scenarioReference());
  });

  it('docs/scenario.schema.json', () => {
    expect(readFileSync(new URL('../../docs/scenario.schema.json', import.meta.url), 'utf8')).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });
});
