// What the marketing engine sends out and what its summary reports.
import type { Addressed, CommentIntent, ControlMsg, HostDown, ViewerDown } from '../protocol.ts';
import type { Alert } from './alerts/monitor.ts';
import type { DropReason } from './cleaning/cleaner.ts';
import type { Percentiles } from './core/latency.ts';
import type { FunnelStage } from './funnel/funnel.ts';
import type { HeatEntry } from './heat/sku-heat.ts';

/**
 * One outbound message of a tick, all due at the tick's time: a host prompt (`to: 'host'`), a targeted
 * product card (`to: viewer id`), or a request to commerce (`to: 'commerce'`): a targeted coupon is
 * issued by commerce (`coupon.issue`), which then offers it to the viewer and honours it at checkout.
 */
export type MarketingOutbound = Addressed<ViewerDown | HostDown> | { to: 'commerce'; msg: ControlMsg };

export interface MarketingSummary {
  /** messages ingested (viewer, host and observed) */
  events: number;
  prompts: number;
  /** tick time − time of the comment that made the cluster reach its threshold */
  promptLatencyMs: Percentiles;
  /** tick time − time of the cluster's earliest comment in its window */
  promptLatencyFromFirstMs: Percentiles;
  promptsByIntent: Partial<Record<CommentIntent, number>>;
  segmentMoves: number;
  segmentsAssigned: number;
  targeted: number;
  /** moves not pushed: the viewer had left, or had a push less than `minGapMs` ago */
  targetingSuppressed: number;
  /** tick time of the push − time of the behaviour that moved the segment */
  targetingLatencyMs: Percentiles;
  alerts: number;
  alertPrecision: number | null;
  alertRecall: number | null;
  meanTimeToDetectMs: number | null;
  alertList: Alert[];
  cleaning: { received: number; kept: number; dropped: Record<DropReason, number> };
  intents: Record<CommentIntent, number>;
  skuHeat: HeatEntry[];
  funnel: Record<FunnelStage, number>;
  /** profiled viewers per propensity bucket (everyone seen, present or not) */
  propensity: { low: number; mid: number; high: number };
  /** medians over viewers who reached the step, from their first product view */
  decisionCycleMs: { toCartP50: number | null; toCheckoutP50: number | null };
}
