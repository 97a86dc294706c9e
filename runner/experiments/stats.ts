// The statistics of a comparison: sample mean, Student-t 95 % confidence intervals, and paired
// differences (common random numbers: replication r of every variant shares its seed, so the
// per-replication differences cancel the noise the variants share). Pure functions, no I/O.

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine coefficients: ~15 significant digits) */
function lnGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** continued fraction of the incomplete beta function (modified Lentz) */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    // even step
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    c = 1 + num / c;
    if (Math.abs(d) < tiny) d = tiny;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    // odd step
    num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    c = 1 + num / c;
    if (Math.abs(d) < tiny) d = tiny;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/** regularized incomplete beta I_x(a, b) */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  // the fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with df degrees of freedom */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

const quantileCache = new Map<string, number>();

/** the p-quantile of Student's t with df degrees of freedom (p in (0.5, 1)), by bisection on the CDF */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0.5 && p < 1) || !(df > 0)) throw new RangeError(`studentTQuantile: p must be in (0.5, 1) and df > 0, got p=${p}, df=${df}`);
  const key = `${p}:${df}`;
  const hit = quantileCache.get(key);
  if (hit !== undefined) return hit;
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  const q = (lo + hi) / 2;
  quantileCache.set(key, q);
  return q;
}

export interface Estimate {
  n: number;
  mean: number;
  /** sample standard deviation (n − 1 in the denominator); 0 when n < 2 */
  sd: number;
  /** 95 % Student-t interval; [mean, mean] when n < 2 (no interval can be given) */
  ci95: [number, number];
}

/** mean and 95 % t-interval of a sample (summed in the given order, so the result is reproducible) */
export function estimate(xs: readonly number[], level = 0.95): Estimate {
  const n = xs.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, ci95: [NaN, NaN] };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: 0, ci95: [mean, mean] };
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  const sd = Math.sqrt(ss / (n - 1));
  const half = studentTQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, ci95: [mean - half, mean + half] };
}

export interface PairedDifference extends Estimate {
  /** the interval excludes 0 */
  significant: boolean;
}

/** paired difference b − a over replications present in both (index r pairs with r) */
export function pairedDifference(a: readonly (number | undefined)[], b: readonly (number | undefined)[]): PairedDifference {
  const d: number[] = [];
  const n = Math.min(a.length, b.length);
  for (let r = 0; r < n; r++) {
    const x = a[r];
    const y = b[r];
    if (x !== undefined && y !== undefined) d.push(y - x);
  }
  const e = estimate(d);
  return { ...e, significant: e.n >= 2 && (e.ci95[0] > 0 || e.ci95[1] < 0) };
}
