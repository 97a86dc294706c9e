// The one scenario schema (STYLE.md §6): its output type is `Scenario`, it emits the JSON Schema for
// editors (json-schema.ts) and the reference docs (docs.ts). Sections live in sections/, one each.
import { z } from 'zod';
import { didYouMean } from './levenshtein.ts';
import { num, oneOf, text } from './primitives.ts';
import { AnomaliesSchema } from './sections/anomalies.ts';
import { AudienceSchema } from './sections/audience.ts';
import { CatalogSchema } from './sections/catalog.ts';
import { NetworkSchema } from './sections/network.ts';
import { ShowSchema } from './sections/show.ts';
import { StrategySchema } from './sections/strategy.ts';
import { ThresholdsSchema } from './sections/thresholds.ts';
import { VariantsSchema } from './sections/variants.ts';
import { RNG_ALGORITHMS } from './vocab.ts';

const sections = {
  name: text().min(1, { error: 'a non-empty name' }).default('scenario').describe('scenario name (reports, output folder)'),
  description: text().default('').describe('free text for people reading the file'),
  seed: num({ int: true, min: 0 }).default(42).describe('run seed: the same seed gives the same run (--seed overrides)'),
  rng: oneOf(RNG_ALGORITHMS).default('sfc32').describe('random generator behind every stream: sfc32 (fast) or alea (seedrandom)'),
  show: ShowSchema.prefault({}),
  catalog: CatalogSchema.prefault({}),
  audience: AudienceSchema.prefault({}),
  network: NetworkSchema.prefault({}),
  strategy: StrategySchema.prefault({}),
  anomalies: AnomaliesSchema.default([]).describe('injected ground truth the funnel alerts are scored against'),
  thresholds: ThresholdsSchema.default([]).describe("k6-style criteria on result.json, 'metric op value'; a failing one exits 1"),
  variants: VariantsSchema.default({}),
};

type Ctx = z.core.$RefinementCtx<unknown>;
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Checks across sections: SKUs named by the timeline and anomalies exist in a listed catalog. */
function crossChecks(v: unknown, ctx: Ctx): void {
  // runs even when a section failed (every problem in one pass), so it reads defensively
  if (!isObj(v) || !isObj(v.catalog) || !Array.isArray(v.catalog.skus)) return;
  const ids = v.catalog.skus.flatMap((s) => (isObj(s) && typeof s.id === 'string' ? [s.id] : []));
  const known = new Set(ids);
  const check = (path: (string | number)[], sku: unknown): void => {
    if (typeof sku !== 'string' || known.has(sku)) return;
    const hint = didYouMean(sku, ids);
    ctx.addIssue({ code: 'custom', path, input: sku, message: 'a SKU id listed in catalog.skus', params: hint ? { hint } : {} });
  };
  const timeline = isObj(v.show) && Array.isArray(v.show.timeline) ? v.show.timeline : [];
  timeline.forEach((e, i) => isObj(e) && check(['show', 'timeline', i, 'sku'], e.sku));
  (Array.isArray(v.anomalies) ? v.anomalies : []).forEach((a, i) => isObj(a) && check(['anomalies', i, 'sku'], a.sku));
}

export const ScenarioSchema = z
  .strictObject(sections)
  .check(z.superRefine(crossChecks, { when: () => true }))
  .describe('A LiveLab scenario: a live-commerce show, its audience and networks, a strategy, and what to measure');

/** A fully defaulted, validated scenario (times in minutes, thresholds parsed). */
export type Scenario = z.output<typeof ScenarioSchema>;
/** What a scenario file may contain (every field optional where it has a default). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;

export const SECTION_KEYS = Object.keys(sections) as (keyof typeof sections)[];
