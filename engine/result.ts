// RunResult: what one simulated (or stressed) show produced — the documented, versioned content of
// result.json. One zod schema gives the TypeScript type, the JSON Schema in docs/result.schema.json and
// the validation the report renderer applies before it draws anything. `engine` is the only group that
// may differ between two runs of the same scenario and seed (wall-clock figures).
import { z } from 'zod';

/** 1.1 added commerce.rejected; a 1.0 result.json still reads (the report command renders old runs) */
export const RESULT_SCHEMA_VERSION = '1.1';
const READABLE_VERSIONS = ['1.0', RESULT_SCHEMA_VERSION] as const;

const p50p95 = z.object({ p50: z.number(), p95: z.number() }).describe('percentiles');
const p50p99 = z.object({ p50: z.number(), p99: z.number() }).describe('percentiles');
const num = z.number();
const series = z.array(z.number());

export const NetworkStatsSchema = z.object({
  viewers: z.number().int().describe('viewers whose network class is this family'),
  startupMs: z.object({ p50: num }).describe('startup delay (first frame), ms'),
  rebufferRatio: num.describe('stalled time / (stalled + played time)'),
  meanWatchSeconds: num,
  meanBitrateKbps: num.optional(),
  abandonedStartup: z.number().int().optional(),
});

export const RunResultSchema = z
  .object({
    schemaVersion: z.enum(READABLE_VERSIONS).describe('version of this schema (docs/result.schema.json)'),
    livelabVersion: z.string(),
    scenario: z.object({ name: z.string(), hash: z.string().describe('sha-256 of the canonical scenario after overrides'), description: z.string().optional(), variant: z.string().optional() }),
    seed: z.number().int(),
    digest: z.string().describe('trace digest: a streaming hash over the ordered messages of the run'),
    viewers: z.object({
      arrived: z.number().int(),
      peakConcurrent: z.number().int(),
      meanWatchSeconds: num,
      retention: z.object({ '60': num, '300': num, '1800': num }).describe('Kaplan–Meier survival at 1, 5 and 30 minutes of watch time'),
      abandonedStartup: z.number().int().describe('left before the first frame'),
    }),
    qoe: z.object({
      startupMs: p50p95,
      rebufferRatio: num,
      meanBitrateKbps: num,
      latencyToLiveMs: p50p95,
      byNetwork: z.record(z.string(), NetworkStatsSchema),
    }),
    commerce: z.object({
      orders: z.number().int(),
      gmv: num.describe('yuan'),
      aov: num.describe('average order value, yuan'),
      conversionRate: num.describe('paying viewers / arrived viewers'),
      returnRate: num,
      crossSellRate: num.describe('orders with ≥ 2 distinct SKUs / orders'),
      rejected: z
        .object({
          outOfStock: z.number().int().describe('checkouts refused because a SKU (or its flash-sale stock) had run out'),
          paymentFailed: z.number().int().describe('checkouts whose payment failed (e.g. during an injected payment outage)'),
        })
        .optional()
        .describe('checkouts that did not become orders, by reason (schema 1.1)'),
    }),
    funnel: z.object({ entered: z.number().int(), productViewed: z.number().int(), addedToCart: z.number().int(), checkedOut: z.number().int(), paid: z.number().int() }),
    marketing: z.object({
      prompts: z.number().int(),
      promptLatencyMs: p50p99.describe('virtual time from the comment that completed a cluster to the prompt reaching the host'),
      segmentMoves: z.number().int(),
      targetingLatencyMs: p50p99.optional(),
      alerts: z.number().int(),
      alertPrecision: num.nullable().describe('correct alerts / alerts; null when no alert was raised'),
      alertRecall: num.nullable().describe('injected anomalies detected / injected; null when none was injected'),
      meanTimeToDetectMs: num.optional(),
    }),
    engine: z.object({
      events: z.number().int(),
      wallMs: num,
      eventsPerSecond: num,
      workers: z.number().int(),
      promptComputeMs: p50p99.optional(),
      commentComputeMs: p50p99.optional(),
      peakRssMb: num.optional(),
    }),
    thresholds: z.array(z.object({ expression: z.string(), actual: num.nullable(), pass: z.boolean() })).optional(),
    /** per-minute series and other detail for the report (present in simulated runs) */
    detail: z
      .object({
        binMs: z.number(),
        concurrent: series,
        arrivals: series,
        departures: series,
        funnel: z.object({ entered: series, productViewed: series, addedToCart: series, checkedOut: series, paid: series }),
        gmv: series,
        latencyToLiveMs: series.optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

export type RunResult = z.infer<typeof RunResultSchema>;
export type NetworkStats = z.infer<typeof NetworkStatsSchema>;

/** The JSON Schema of result.json (docs/result.schema.json, `livelab schema --result`): the output form, draft-07. */
export function resultJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RunResultSchema, { io: 'output', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: `LiveLab result.json, schema ${RESULT_SCHEMA_VERSION}` };
}
