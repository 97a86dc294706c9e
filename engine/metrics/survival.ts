// Kaplan–Meier survival curves for watch time: viewers still in the room at the show's end are
// right-censored (we know they watched at least that long), not counted as leaving.
export interface Observation {
  /** time in session, ms */
  duration: number;
  /** true if the viewer left (an event); false if still watching when the show ended (censored) */
  left: boolean;
}

export interface SurvivalPoint {
  t: number;
  survival: number;
  atRisk: number;
}

/** The Kaplan–Meier estimate, one point per distinct event time (plus t = 0). */
export function kaplanMeier(obs: readonly Observation[]): SurvivalPoint[] {
  const sorted = [...obs].sort((a, b) => a.duration - b.duration || Number(b.left) - Number(a.left));
  const out: SurvivalPoint[] = [{ t: 0, survival: 1, atRisk: sorted.length }];
  let atRisk = sorted.length;
  let s = 1;
  for (let i = 0; i < sorted.length; ) {
    const t = sorted[i]!.duration;
    let events = 0, total = 0;
    while (i < sorted.length && sorted[i]!.duration === t) {
      if (sorted[i]!.left) events++;
      total++;
      i++;
    }
    if (events > 0 && atRisk > 0) {
      s *= 1 - events / atRisk;
      out.push({ t, survival: s, atRisk });
    }
    atRisk -= total;
  }
  return out;
}

/** S(t) read off a curve (step function, right-continuous). */
export function survivalAt(curve: readonly SurvivalPoint[], t: number): number {
  let s = 1;
  for (const p of curve) {
    if (p.t > t) break;
    s = p.survival;
  }
  return s;
}

/** The curve resampled on a fixed grid (for charts and compact results). */
export function resample(curve: readonly SurvivalPoint[], stepMs: number, untilMs: number): { t: number; survival: number }[] {
  const out: { t: number; survival: number }[] = [];
  for (let t = 0; t <= untilMs; t += stepMs) out.push({ t, survival: +survivalAt(curve, t).toFixed(5) });
  return out;
}
