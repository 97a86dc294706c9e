// The arrival plan the runner samples (a non-homogeneous Poisson process): each phase as a linear rate
// segment in arrivals per minute, scaled so that the expected total is audience.size. Phases are cut at
// the show's end and the rest rescaled, so `--viewers N` means N expected arrivals whatever `--duration`.
import type { Audience } from './sections/audience.ts';

export interface ArrivalSegment {
  name: string;
  burst: boolean;
  /** minutes from the show start */
  startMinute: number;
  endMinute: number;
  /** arrivals per minute at the start and end (linear in between) */
  startRate: number;
  endRate: number;
  /** expected arrivals in the segment */
  expected: number;
}

export function arrivalPlan(audience: Audience, showMinutes: number): ArrivalSegment[] {
  const size = audience.size;
  const shares = audience.arrivals.reduce((s, p) => s + (p.share ?? 0), 0);
  // unscaled rates of the rated phases, chained: a phase without `rate` starts where the previous ended
  let prevEnd = 0;
  let t = 0;
  const raw = audience.arrivals.map((p) => {
    const start = t;
    t += p.duration;
    if (p.share !== undefined) return { p, start, r0: NaN, r1: NaN };
    const r0 = p.rate ?? prevEnd;
    const r1 = p.rampTo ?? r0;
    prevEnd = r1;
    return { p, start, r0, r1 };
  });
  const ratedMass = raw.reduce((m, x) => m + (x.p.share === undefined ? ((x.r0 + x.r1) / 2) * x.p.duration : 0), 0);
  const rest = Math.max(0, 1 - shares) * size;
  const segs: ArrivalSegment[] = [];
  for (const { p, start, r0, r1 } of raw) {
    if (start >= showMinutes) break;
    const end = Math.min(start + p.duration, showMinutes);
    const kept = (end - start) / p.duration;
    if (p.share !== undefined) {
      const expected = p.share * size * kept;
      const rate = expected / (end - start);
      segs.push({ name: p.name, burst: p.burst, startMinute: start, endMinute: end, startRate: rate, endRate: rate, expected });
    } else {
      const k = ratedMass > 0 ? rest / ratedMass : 0;
      const cutR1 = r0 + (r1 - r0) * kept;
      const expected = ((r0 + cutR1) / 2) * (end - start) * k;
      segs.push({ name: p.name, burst: p.burst, startMinute: start, endMinute: end, startRate: r0 * k, endRate: cutR1 * k, expected });
    }
  }
  const total = segs.reduce((s, x) => s + x.expected, 0);
  if (total <= 0) return segs;
  const f = size / total;
  return segs.map((x) => ({ ...x, startRate: x.startRate * f, endRate: x.endRate * f, expected: x.expected * f }));
}
