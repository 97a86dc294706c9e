// Open-model arrivals: the scenario's phases give the arrival *rate* over time (ramps, plateaus, an
// ad-buy spike); the audience size gives how many arrive. Arrival times are N i.i.d. draws from the
// density proportional to the rate, sorted — a Poisson process with that intensity, conditioned on
// exactly N arrivals (as bench-ref fixes N). Viewer ids follow arrival order, so every variant of a
// comparison has the same viewers arriving at the same times (common random numbers).
import type { Rng } from '../../engine/kernel/index.ts';

export interface RatePhase {
  /** phase length, ms */
  durationMs: number;
  /** relative arrival rate at the start and end of the phase (linear ramp in between) */
  from: number;
  to: number;
}

/** Inverse CDF of a piecewise-linear intensity, evaluated for u in [0, 1). */
export class RateProfile {
  private readonly starts: number[] = [];
  private readonly cum: number[] = [];
  private readonly total: number;

  constructor(readonly phases: readonly RatePhase[]) {
    let t = 0, c = 0;
    for (const p of phases) {
      if (!(p.durationMs > 0) || p.from < 0 || p.to < 0) throw new RangeError(`RateProfile: bad phase ${JSON.stringify(p)}`);
      this.starts.push(t);
      this.cum.push(c);
      c += ((p.from + p.to) / 2) * p.durationMs;
      t += p.durationMs;
    }
    if (!(c > 0)) throw new RangeError('RateProfile: the arrival rate is zero everywhere');
    this.total = c;
  }

  get endMs(): number {
    const last = this.phases.length - 1;
    return this.starts[last]! + this.phases[last]!.durationMs;
  }

  /** the time by which a fraction u of all arrivals has happened */
  invert(u: number): number {
    const target = u * this.total;
    let i = this.cum.length - 1;
    while (i > 0 && this.cum[i]! > target) i--;
    const p = this.phases[i]!;
    const mass = target - this.cum[i]!;
    const a = (p.to - p.from) / p.durationMs; // rate slope
    // solve from·x + a·x²/2 = mass for x in [0, duration]
    const x = Math.abs(a) < 1e-15 ? mass / p.from : (-p.from + Math.sqrt(Math.max(0, p.from * p.from + 2 * a * mass))) / a;
    return this.starts[i]! + Math.min(Math.max(x, 0), p.durationMs);
  }
}

/** N sorted arrival times (ms) following the profile, drawn from one stream. */
export function arrivalTimes(profile: RateProfile, n: number, rng: Rng): Float64Array {
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[i] = profile.invert(rng.next());
  return times.sort();
}
