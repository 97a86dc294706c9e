// The calibration experiments: small, fixed runs of the real viewer machine (on the fast path) whose
// results are compared with published figures (CALIBRATION.md §1–2). `npm run calibrate` prints them,
// calibration.test.ts asserts them. Each row states its tolerance; where sources disagree the note says
// which one the model follows and why.
import { DEFAULT_PERSONA_CONFIG, PersonaSampler, type Persona } from '../personas/index.ts';
import type { ViewerParams } from '../viewer/params.ts';
import { runCohort, type ViewerOutcome } from './cohort.ts';
import { mediaScript, showScript, SAMPLE_SKUS } from './scripts.ts';
import type { TimedEvent } from './harness.ts';

export interface CalibrationRow {
  id: string;
  figure: string;
  model: number;
  published: string;
  tolerance: string;
  pass: boolean;
  source: string;
  note?: string;
}

export interface CalibrationOptions {
  viewers?: number;
  seed?: number;
  params?: ViewerParams;
}

const MIN = 60_000;
const pct = (x: number) => Math.round(x * 1000) / 10;

function audience(n: number, seed: number): Persona[] {
  const s = new PersonaSampler(seed, { ...DEFAULT_PERSONA_CONFIG, identity: false });
  return Array.from({ length: n }, (_, i) => s.persona(i));
}

/** mean play time (ms): time in session minus rebuffering, sessions cut at `until` */
function meanPlay(r: readonly ViewerOutcome[], until: number): number {
  let sum = 0;
  for (const x of r) if (x.playingAt >= 0) sum += (x.leftAt < 0 ? until : x.leftAt) - x.playingAt - x.rebufferMs;
  return sum / r.length;
}

/**
 * K&S 2012: the startup curve at 1–10 s, and the interview quote at 5 s and 10 s. One cohort whose
 * video never starts gives every viewer's abandonment time, hence the whole curve (a viewer's startup
 * patience does not depend on when the first frame would have come).
 */
export function startupCurve(personas: readonly Persona[], seed: number, params?: ViewerParams): CalibrationRow[] {
  const r = runCohort({ personas, seed, params, until: 10_001, script: () => [] });
  const share = (d: number) => r.filter((x) => x.reason === 'startup' && x.leftAt < d * 1000).length / r.length;
  const rows: CalibrationRow[] = [];
  for (let d = 1; d <= 10; d++) {
    const published = Math.max(0, 0.058 * (d - 2));
    rows.push({
      id: `startup-${d}s`, figure: `abandoned before a ${d} s startup (%)`, model: pct(share(d)), published: String(pct(published)),
      tolerance: '±3 points', pass: Math.abs(share(d) - published) <= 0.03, source: 'Krishnan & Sitaraman, IMC 2012',
    });
  }
  for (const [d, quoted] of [[5, 0.25], [10, 0.5]] as const) {
    rows.push({
      id: `quote-${d}s`, figure: `gone if not started by ${d} s (%)`, model: pct(share(d)), published: `~${pct(quoted)}`,
      tolerance: '±10 points', pass: Math.abs(share(d) - quoted) <= 0.1, source: 'Sitaraman, interview quote',
      note: 'disagrees with the regression (17.4 % / 46.4 %); we follow the regression, the study\'s fitted figure',
    });
  }
  return rows;
}

/** the same viewers with and without 2-s stalls every 198 s of play (1 % rebuffering) */
function rebufferPair(personas: readonly Persona[], seed: number, until: number, params?: ViewerParams): [number, number] {
  const clean = runCohort({ personas, seed, params, until, script: () => mediaScript(500, until) });
  const stalled = runCohort({ personas, seed, params, until, script: () => mediaScript(500, until, 2000, 198_000) });
  return [meanPlay(clean, until), meanPlay(stalled, until)];
}

export function rebufferRows(personas: readonly Persona[], seed: number, params?: ViewerParams): CalibrationRow[] {
  const [w0, w1] = rebufferPair(personas, seed, 4 * 60 * MIN, params);
  const change = w1 / w0 - 1;
  const [d0, d1] = rebufferPair(personas, seed, 90 * MIN, params);
  const lost = (d0 - d1) / MIN;
  return [
    {
      id: 'rebuffer-1pct', figure: 'change in time played with 1 % rebuffering (%)', model: pct(change), published: '-5',
      tolerance: '±1.5 points', pass: Math.abs(change + 0.05) <= 0.015, source: 'Krishnan & Sitaraman, IMC 2012',
    },
    {
      id: 'dobrian-90min', figure: 'minutes lost per +1 % buffering ratio, 90-min live show', model: Math.round(lost * 100) / 100,
      published: '> 3', tolerance: 'direction only', pass: lost > 0, source: 'Dobrian et al., SIGCOMM 2011',
      note: `sources disagree: with K&S's -5 % and this audience's ${Math.round((d0 / MIN) * 10) / 10} min mean play, the loss is ~${Math.round(0.05 * (d0 / MIN) * 10) / 10} min; Dobrian's > 3 min needs a 60+ min baseline (a sports-like event); we follow K&S`,
    },
  ];
}

/** Allard et al.: a mid-play stall costs ~2× the same time in startup; compared below the 2-s grace */
export function stallCostRow(personas: readonly Persona[], seed: number, params?: ViewerParams): CalibrationRow {
  const until = 4 * 60 * MIN;
  const base = runCohort({ personas, seed, params, until, script: () => mediaScript(500, until) });
  const slowStart = runCohort({ personas, seed, params, until, script: () => mediaScript(1900, until) });
  const stall: TimedEvent[] = [
    { at: 500, event: { type: 'playback.started', startupMs: 500 } },
    { at: 600, event: { type: 'stall.started' } },
    { at: 2000, event: { type: 'stall.ended', stallMs: 1400 } },
  ];
  const midStall = runCohort({ personas, seed, params, until, script: () => stall });
  const w = meanPlay(base, until);
  const ratio = (w - meanPlay(midStall, until)) / (w - meanPlay(slowStart, until));
  return {
    id: 'stall-vs-startup', figure: 'watch time lost: 1.4 s mid-play stall / 1.4 s more startup', model: Math.round(ratio * 100) / 100,
    published: '~2', tolerance: '±0.5', pass: Math.abs(ratio - 2) <= 0.5, source: 'Allard, Roskuski, Claypool (WPI)',
  };
}

const ORDER = (i: number, m: { type: string; idempotencyKey?: string }, now: number): TimedEvent[] =>
  m.type === 'checkout.submitted'
    ? [{ at: now + 300, event: { type: 'order.confirmed', orderId: `o-${i}-${m.idempotencyKey}`, idempotencyKey: m.idempotencyKey!, total: 100, skus: [] } }]
    : [];

/** a 2-hour show of SAMPLE_SKUS (beauty, apparel, food), 10-min segments, orders confirmed at once */
function show(personas: readonly Persona[], seed: number, params?: ViewerParams): ViewerOutcome[] {
  const until = 2 * 60 * MIN;
  return runCohort({ personas, seed, params, until, script: () => [...mediaScript(800, until), ...showScript(SAMPLE_SKUS, 10 * MIN, until, 2000)], respond: ORDER }, undefined, true);
}

function perView(r: readonly ViewerOutcome[], type: keyof ViewerOutcome['counts']): number {
  return r.reduce((s, x) => s + (x.counts[type] ?? 0), 0) / r.length;
}

/** Kuaishou's 10-minute observation and KuaiLive's rates (upper bounds: its users were picked for doing all four) */
export function interactionRows(r: readonly ViewerOutcome[]): CalibrationRow[] {
  const firstBuys = r.flatMap((x) => (x.first['checkout.submitted'] === undefined ? [] : [x.first['checkout.submitted'] - x.playingAt]));
  const late = firstBuys.filter((t) => t >= 10 * MIN).length / Math.max(1, firstBuys.length);
  const buyers: CalibrationRow = {
    id: 'kuaishou-10min', figure: 'first purchases after ≥ 10 min of watching (%)', model: pct(late), published: 'usually (> 50)',
    tolerance: '> 50 %', pass: late > 0.5, source: 'Kuaishou: Moment&Cross; LiveForesighter, arXiv 2502.06557',
    note: `${firstBuys.length} buyers of ${r.length} viewers (${pct(firstBuys.length / r.length)} %); no published conversion rate is used`,
  };
  const rates = ([['comments', 'danmaku.sent', 0.04], ['likes', 'like.sent', 0.0365], ['gifts', 'gift.sent', 0.0148]] as const).map(([name, type, published]): CalibrationRow => {
    const model = perView(r, type);
    return {
      id: `kuailive-${name}`, figure: `${name} per room entry`, model: Math.round(model * 10000) / 10000, published: `≤ ${published}`,
      tolerance: '0.5–1.0 × published', pass: model >= 0.5 * published && model <= published, source: 'KuaiLive, Qu et al., arXiv 2508.05633',
    };
  });
  return [buyers, ...rates];
}

/** trade press: women's apparel bought in live streams is returned 30–60 % of the time */
export function returnsRow(r: readonly ViewerOutcome[]): CalibrationRow {
  const apparel = new Set(SAMPLE_SKUS.filter((s) => s.category === 'apparel').map((s) => s.sku));
  let bought = 0, returned = 0;
  for (const x of r) {
    const cart: string[] = [];
    for (const { msg } of x.emitted) {
      if (msg.type === 'cart.added') cart.push(msg.sku);
      else if (msg.type === 'cart.removed') cart.splice(cart.indexOf(msg.sku), 1);
      else if (msg.type === 'checkout.submitted') bought += cart.splice(0).filter((sku) => apparel.has(sku)).length;
      else if (msg.type === 'return.requested' && apparel.has(msg.sku)) returned++;
    }
  }
  const rate = returned / Math.max(1, bought);
  return {
    id: 'returns-apparel', figure: 'apparel return rate (%)', model: pct(rate), published: '30–60', tolerance: 'inside the band',
    pass: rate >= 0.3 && rate <= 0.6, source: 'trade press (grey literature)', note: `${bought} apparel lines bought by ${r.length} viewers`,
  };
}

/** `viewers` sessions for the paired (common random numbers) experiments, 3× as many for the rates */
export function runCalibration(o: CalibrationOptions = {}): CalibrationRow[] {
  const seed = o.seed ?? 2024;
  const n = o.viewers ?? 2000;
  const personas = audience(3 * n, seed);
  const paired = personas.slice(0, n);
  const showOutcomes = show(personas, seed, o.params);
  return [
    ...startupCurve(personas, seed, o.params),
    ...rebufferRows(paired, seed, o.params),
    stallCostRow(paired, seed, o.params),
    ...interactionRows(showOutcomes),
    returnsRow(showOutcomes),
  ];
}
