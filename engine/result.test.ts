// result.json's documented schema: the JSON Schema in docs/ is the one the zod schema gives, names the
// fields issue 8 lists, and a 1.0 result (before commerce.rejected) still reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESULT_SCHEMA_VERSION, RunResultSchema, resultJsonSchema } from './result.ts';
import { buildFullResult } from '../reports/fixtures.ts';

type Obj = { properties?: Record<string, Obj>; required?: string[] };
const at = (s: Obj, path: string): Obj | undefined => path.split('.').reduce<Obj | undefined>((o, k) => o?.properties?.[k], s);

describe('result.json schema', () => {
  it('docs/result.schema.json is up to date (npm run docs:scenarios)', () => {
    expect(readFileSync(new URL('../docs/result.schema.json', import.meta.url), 'utf8')).toBe(`${JSON.stringify(resultJsonSchema(), null, 2)}\n`);
  });

  it('documents the fields issue 8 requires, as required fields', () => {
    const s = resultJsonSchema() as Obj;
    expect(s.required).toEqual(expect.arrayContaining(['schemaVersion', 'livelabVersion', 'scenario', 'seed', 'digest', 'viewers', 'qoe', 'commerce', 'funnel', 'marketing', 'engine']));
    expect(at(s, 'viewers')!.required).toEqual(expect.arrayContaining(['arrived', 'peakConcurrent', 'meanWatchSeconds', 'retention']));
    expect(at(s, 'commerce.rejected.outOfStock')).toBeDefined();
    expect(at(s, 'marketing.promptLatencyMs.p99')).toBeDefined();
  });

  it(`writes ${RESULT_SCHEMA_VERSION} and still reads 1.0`, () => {
    const old = buildFullResult();
    expect(old.schemaVersion).toBe('1.0');
    expect(RunResultSchema.safeParse(old).success).toBe(true);
    expect(RunResultSchema.safeParse({ ...old, schemaVersion: '0.9' }).success).toBe(false);
  });
});
