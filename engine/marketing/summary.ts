// The engine's end-of-run summary (the `marketing` group of result.json and more). Scoring of alerts
// needs the ground truth the scenario injected; without it precision and recall are null.
import { scoreAlerts, type AnomalyInterval } from './alerts/score.ts';
import { DROP_REASONS, type DropReason } from './cleaning/cleaner.ts';
import { percentileOf } from './core/latency.ts';
import { viewerBucket } from './propensity/propensity.ts';
import type { MarketingState } from './state.ts';
import type { MarketingSummary } from './types.ts';

const none = { p50: null, p99: null };

export function summary(s: MarketingState, groundTruth: readonly AnomalyInterval[] = []): MarketingSummary {
  const alerts = s.monitor?.alerts ?? [];
  const score = scoreAlerts(alerts, groundTruth, s.config.alerts.graceMs);
  const propensity = { low: 0, mid: 0, high: 0 };
  let cycles: { toCart: number[]; toCheckout: number[] } = { toCart: [], toCheckout: [] };
  if (s.profiles !== null) {
    cycles = s.profiles.decisionCycles();
    if (s.config.propensity.enabled) {
      for (let slot = 0; slot < s.slots.size; slot++) {
        const b = viewerBucket(s.profiles, slot, s.catalog, s.config.propensity);
        if (b === 0) propensity.low++;
        else if (b === 1) propensity.mid++;
        else if (b === 2) propensity.high++;
      }
    }
  }
  const dropped = Object.fromEntries(DROP_REASONS.map((r) => [r, s.cleaner?.dropped[r] ?? 0])) as Record<DropReason, number>;
  return {
    events: s.events,
    prompts: s.prompter?.emitted ?? 0,
    promptLatencyMs: s.prompter?.latency.summary() ?? none,
    promptLatencyFromFirstMs: s.prompter?.fromFirst.summary() ?? none,
    promptsByIntent: Object.fromEntries(s.prompter?.byIntent ?? []),
    segmentMoves: s.segments?.moves ?? 0,
    segmentsAssigned: s.segments?.assigned ?? 0,
    targeted: s.targeting?.pushed ?? 0,
    targetingSuppressed: s.targeting?.suppressed ?? 0,
    targetingLatencyMs: s.targeting?.latency.summary() ?? none,
    alerts: alerts.length,
    alertPrecision: score.precision,
    alertRecall: score.recall,
    meanTimeToDetectMs: score.meanTimeToDetectMs,
    alertList: [...alerts],
    cleaning: { received: s.cleaner?.received ?? 0, kept: s.cleaner?.kept ?? 0, dropped },
    intents: { ...s.intents },
    skuHeat: s.heat?.ranking(s.now) ?? [],
    funnel: { ...s.funnel.totals },
    propensity,
    decisionCycleMs: { toCartP50: percentileOf(cycles.toCart, 0.5), toCheckoutP50: percentileOf(cycles.toCheckout, 0.5) },
  };
}
