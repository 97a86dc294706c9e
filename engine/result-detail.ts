// The report's data needs, as an explicit extension of `RunResult.detail` (which is `.passthrough()` in
// engine/result.ts), and the `ComparisonResult` that `livelab compare` writes. Every field is optional:
// a report draws what a run recorded and says "not recorded in this run" for the rest. Series are
// indexed by bin (`detail.binMs`, virtual ms since the show started); times are virtual ms since start.
// Data size must not scale with the number of viewers: curves are resampled, lists are capped.
import { z } from 'zod';

const num = z.number();
const int = z.number().int().nonnegative();
const series = z.array(z.number()).describe('one value per bin of detail.binMs');
const ms = z.number().nonnegative().describe('virtual ms since the show started');

/** Kaplan–Meier survival of watch time for one group (at most ~300 points: resample steps). */
export const SurvivalCurveSchema = z.object({
  n: int.describe('viewers in the group'),
  tSec: z.array(num).describe('watch time, seconds, ascending, starting at 0'),
  survival: z.array(num.min(0).max(1)).describe('S(t) at each tSec (step function, right-continuous)'),
});

/** A CDF as quantiles: `ms[i]` is the p[i]-quantile (e.g. p = 0.01 … 0.99 read off the HDR histogram). */
export const CdfSchema = z.object({
  ms: z.array(num).describe('ascending values, ms'),
  p: z.array(num.min(0).max(1)).describe('cumulative probability at each value, non-decreasing'),
});

export const TimelineItemSchema = z.object({
  kind: z.enum(['segment', 'pitch', 'flashSale', 'qa', 'network']).describe("'network': a scripted network event (congestion, tunnel, handover) injected into the viewers' links"),
  startMs: ms,
  endMs: ms,
  label: z.string().describe('e.g. the SKU name pitched'),
  sku: z.string().optional(),
  scripted: z.string().optional().describe('the SKU the fixed script planned here, when a strategy pitched another'),
});

export const AnomalySchema = z.object({
  id: z.string(),
  kind: z.string().describe("e.g. 'bounce-burst', 'payment-outage', 'bad-pitch'"),
  startMs: ms,
  endMs: ms,
  label: z.string().optional(),
  detectedAtMs: ms.nullable().optional().describe('time of the first matching alert (null: missed)'),
});

export const AlertSchema = z.object({
  atMs: ms,
  kind: z.string().describe("e.g. 'bounce-burst', 'conversion-drop'"),
  detector: z.string().optional().describe("e.g. 'cusum', 'ewma', 'page-hinkley'"),
  message: z.string().optional(),
  anomalyId: z.string().nullable().optional().describe('the injected anomaly it matched (null: false positive)'),
});

export const PromptSchema = z.object({
  atMs: ms.describe('when the prompt reached the host'),
  intent: z.string(),
  text: z.string(),
  latencyMs: num.describe('virtual latency from the cluster-completing comment to the host'),
  comments: int.optional().describe('comments in the cluster'),
  examples: z.array(z.string()).max(5).optional().describe('a few danmaku from the cluster (raw user text)'),
});

export const SegmentsSchema = z.object({
  names: z.array(z.string()),
  sizes: z.array(series).describe('sizes[segment][bin]: viewers in the segment'),
  transitions: z.array(z.array(num)).describe('transitions[from][to]: segment moves over the show'),
});

export const SkuHeatSchema = z.object({
  binMs: z.number().positive().optional().describe('bin of heat (default detail.binMs)'),
  skus: z.array(z.object({ id: z.string(), name: z.string(), category: z.string().optional() })).max(50),
  heat: z.array(series).describe('heat[sku][bin], the ranking score (top SKUs only)'),
});

export const SkuRankingSchema = z
  .array(
    z.object({
      sku: z.string(),
      name: z.string().optional(),
      score: num.describe('the ranking key: the heat score (the runtime: its mean over the show\'s bins)'),
      mentions: num.optional(),
      dwellSec: num.optional(),
      views: num.optional(),
      carts: num.optional(),
    }),
  )
  .max(50);

export const PropensityBucketSchema = z.object({
  label: z.string().describe("e.g. 'p0–20'"),
  viewers: int,
  buyers: int,
  orders: int,
  gmv: num,
  aov: num.describe('yuan'),
});

export const CouponsSchema = z.object({
  issued: int,
  redeemed: int,
  bySegment: z.array(z.object({ segment: z.string(), issued: int, redeemed: int })).optional(),
  issuedSeries: series.optional(),
  redeemedSeries: series.optional(),
});

export const CleaningSchema = z.object({
  received: int,
  kept: int,
  dropped: z.record(z.string(), int).describe("comments dropped per reason, e.g. { spam: 2, duplicate: 5 }"),
});

export const QoeWatchBucketSchema = z.object({
  label: z.string().describe("watch-time bucket, e.g. '1–5 min'"),
  viewers: int,
  rebufferRatio: num,
  meanBitrateKbps: num.optional(),
  startupMsP50: num.optional(),
});

/** The optional, typed part of `detail` the report reads (on top of the series engine/result.ts names). */
export const ReportDetailSchema = z.object({
  run: z
    .object({
      scenarioFile: z.string().optional().describe('path given to livelab run'),
      viewers: int.optional().describe('--viewers (audience size) of the run'),
      durationMinutes: num.optional(),
      workers: int.optional(),
      startTimeOfDay: z.string().regex(/^\d{2}:\d{2}$/).optional().describe("show start, e.g. '20:00'"),
    })
    .optional(),
  latencyToLiveP95Ms: series.optional(),
  survival: z
    .object({ all: SurvivalCurveSchema.optional(), byNetwork: z.record(z.string(), SurvivalCurveSchema).optional(), byPersona: z.record(z.string(), SurvivalCurveSchema).optional() })
    .optional(),
  comments: series.optional().describe('danmaku received per bin (before cleaning)'),
  cleaning: CleaningSchema.optional(),
  intents: z.record(z.string(), int).optional().describe('kept comments per classified intent'),
  startupCdf: z.object({ all: CdfSchema.optional(), byNetwork: z.record(z.string(), CdfSchema).optional() }).optional(),
  qoeByWatch: z.array(QoeWatchBucketSchema).optional(),
  timeline: z.array(TimelineItemSchema).optional(),
  anomalies: z.array(AnomalySchema).optional(),
  alerts: z.array(AlertSchema).optional(),
  prompts: z.array(PromptSchema).optional(),
  segments: SegmentsSchema.optional(),
  skuHeat: SkuHeatSchema.optional(),
  skuRanking: SkuRankingSchema.optional().describe('the SKU heat ranking, top first (at most 50)'),
  propensity: z.array(PropensityBucketSchema).optional(),
  coupons: CouponsSchema.optional(),
});

export type SurvivalCurve = z.infer<typeof SurvivalCurveSchema>;
export type Cdf = z.infer<typeof CdfSchema>;
export type TimelineItem = z.infer<typeof TimelineItemSchema>;
export type Anomaly = z.infer<typeof AnomalySchema>;
export type Alert = z.infer<typeof AlertSchema>;
export type Prompt = z.infer<typeof PromptSchema>;
export type Segments = z.infer<typeof SegmentsSchema>;
export type SkuHeat = z.infer<typeof SkuHeatSchema>;
export type SkuRanking = z.infer<typeof SkuRankingSchema>;
export type PropensityBucket = z.infer<typeof PropensityBucketSchema>;
export type Coupons = z.infer<typeof CouponsSchema>;
export type QoeWatchBucket = z.infer<typeof QoeWatchBucketSchema>;
export type Cleaning = z.infer<typeof CleaningSchema>;
export type ReportDetail = z.infer<typeof ReportDetailSchema>;

// ── comparison.json ────────────────────────────────────────────────────────────────────────────────

const ci95 = z.tuple([num, num]).describe('95 % confidence interval [lo, hi]');

export const ComparisonMetricSchema = z.object({
  metric: z.string().describe('dotted path into RunResult, e.g. commerce.aov'),
  variant: z.string(),
  mean: num,
  ci95,
  diff: z.object({ mean: num, ci95, significant: z.boolean() }).optional().describe('paired difference to the baseline (absent for the baseline)'),
});

export const ComparisonCurveSchema = z.object({
  name: z.string().describe("e.g. 'survival', 'concurrent'"),
  title: z.string().optional(),
  xLabel: z.string(),
  yLabel: z.string(),
  byVariant: z.record(z.string(), z.object({ x: z.array(num), y: z.array(num) })),
});

export const ComparisonResultSchema = z
  .object({
    kind: z.literal('comparison').optional(),
    livelabVersion: z.string().optional(),
    scenario: z.object({ name: z.string(), hash: z.string().optional(), description: z.string().optional(), file: z.string().optional() }),
    variants: z.array(z.string()).min(1),
    baseline: z.string(),
    replications: z.number().int().positive(),
    seed: z.number().int().optional(),
    viewers: z.number().int().optional(),
    metrics: z.array(ComparisonMetricSchema),
    curves: z.array(ComparisonCurveSchema).optional(),
  })
  .passthrough();

export type ComparisonMetric = z.infer<typeof ComparisonMetricSchema>;
export type ComparisonCurve = z.infer<typeof ComparisonCurveSchema>;
export type ComparisonResult = z.infer<typeof ComparisonResultSchema>;
