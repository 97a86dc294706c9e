// How stalls (and the startup wait) raise the leave hazard during playback. A viewer keeps an
// impairment score in ms of "startup-equivalent" waiting: the startup wait counts once, a mid-play
// stall counts stallWeight times (Allard, Roskuski, Claypool: a stall costs about 2 × the same time in
// startup buffering, CALIBRATION.md §1). The hazard is base × (1 + kappa × impairment / span), where
// span is the time in session plus a prior, so a stall early in a session weighs more than a late one.
// kappa is fitted so that 1 % rebuffering leaves ~5 % less watched (Krishnan & Sitaraman 2012): see
// agents/calibration. During a stall the ratio grows, so abandonment during long stalls emerges on its own.
//
// The hazard changes continuously, so the leave time is found by inverting the cumulative hazard
// (closed form below) rather than by polling; the viewer draws one Exp(1) threshold per session and
// never redraws it, which keeps variants of a comparison on common random numbers.

export interface QoeHazardParams {
  /** Allard et al.: a mid-play stall costs ~2 × the same time in startup */
  readonly stallWeight: number;
  /** hazard increase per unit of impairment ratio (fitted, agents/calibration) */
  readonly kappa: number;
  /** prior span (ms) added to the time in session */
  readonly priorMs: number;
  /** a viewer's kappa is kappa·exp(−patienceSpread·patienceZ): patient personas mind stalls less (assumption) */
  readonly patienceSpread: number;
}

export const QOE_HAZARD: QoeHazardParams = { stallWeight: 2, kappa: 5.2, priorMs: 60_000, patienceSpread: 0.3 };

/** the viewer's own kappa, from the persona's patience score */
export function kappaFor(patienceZ: number, p: QoeHazardParams = QOE_HAZARD): number {
  return p.kappa * Math.exp(-p.patienceSpread * patienceZ);
}

/** The state of the hazard from one instant on, until something changes it. */
export interface Regime {
  /** base hazard per ms (content, host, network; everything but impairment) */
  base: number;
  /** impairment (ms) at the start of the regime */
  impairment: number;
  /** span (ms) at the start of the regime: prior + time in session */
  span: number;
  /** impairment growth per ms: stallWeight while stalled, 0 while playing */
  slope: number;
}

/** ∫₀ˢ hazard: base·(s + kappa·(slope·s + (I − slope·D)·ln(1 + s/D))) */
export function cumulativeHazard(r: Regime, s: number, kappa: number): number {
  const { base, impairment: i, span: d, slope } = r;
  return base * (s + kappa * (slope * s + (i - slope * d) * Math.log1p(s / d)));
}

/** the hazard (per ms) s ms into the regime */
export function hazardAt(r: Regime, s: number, kappa: number): number {
  return r.base * (1 + kappa * ((r.impairment + r.slope * s) / (r.span + s)));
}

/** share of the hazard due to impairment s ms into the regime (to blame a leave on QoE or content) */
export function qoeShareAt(r: Regime, s: number, kappa: number): number {
  const q = kappa * ((r.impairment + r.slope * s) / (r.span + s));
  return q / (1 + q);
}

/** The s ≥ 0 with cumulativeHazard(r, s) = target: safeguarded Newton on a monotone function. */
export function timeToHazard(r: Regime, target: number, kappa: number): number {
  if (!(target > 0)) return 0;
  if (!(r.base > 0)) return Infinity;
  // the ratio moves monotonically from I/D towards slope, so the hazard stays between these bounds
  const r0 = r.impairment / r.span;
  let lo = target / (r.base * (1 + kappa * Math.max(r0, r.slope)));
  let hi = target / (r.base * (1 + kappa * Math.min(r0, r.slope)));
  let s = lo;
  for (let k = 0; k < 60; k++) {
    const f = cumulativeHazard(r, s, kappa) - target;
    if (Math.abs(f) <= 1e-9 * target) return s;
    if (f > 0) hi = s;
    else lo = s;
    const next = s - f / hazardAt(r, s, kappa);
    s = next > lo && next < hi ? next : (lo + hi) / 2;
  }
  return s;
}
