// One viewer's trace drawn from a family (4G, weak 4G, 3G, Wi-Fi). The model, in log space:
//   ln down(t) = ln m_v + σ_slow·z_slow(⌊t / slowMs⌋) + σ_fast·z_fast(⌊t / stepMs⌋),  capped at the peak,
// where m_v is the viewer's own median (log-normal across viewers) and z are independent standard normals
// read from counter-based hashes of the viewer's key (trace/noise.ts). Uplink follows the same fading.
// Outages (rate 0 both ways) fall at most once per one-minute slot, exponential in length.
// A FamilyTrace is ~0.3 KB and reads its values on demand: no per-viewer arrays.
import { standardNormal, type Rng } from '../../engine/kernel/index.ts';
import type { BurstLoss, FamilyParams, LinkParams, LinkTrace, TraceSegment } from '../types.ts';
import { gaussCodeAt, lognormalTable, subKey, unitAt } from './noise.ts';

/** Outage slots: at most one outage starts per slot, so an outage lookup reads two slots. */
export const OUTAGE_SLOT_MS = 60_000;

export class FamilyTrace implements LinkTrace {
  readonly jitterMs: number;
  readonly burst: BurstLoss | null;
  /** this viewer's median downlink rate and base round trip */
  readonly medianDownKbps: number;
  readonly rttBaseMs: number;
  private readonly p: FamilyParams;
  private readonly kSlow: number;
  private readonly kFast: number;
  private readonly kRtt: number;
  private readonly kOut: number;
  private readonly outageProb: number;
  /** exp(σ·z) by code for the slow, fast and round-trip components (shared tables) */
  private readonly expSlow: Float64Array;
  private readonly expFast: Float64Array;
  private readonly expRtt: Float64Array;
  // one-step cache: consecutive lookups mostly fall in the same step
  private cK = -1;
  private cSlowIdx = -1;
  private cSlow = 0;
  private cDown = 0;
  private cRtt = 0;
  private cSlot = -2;
  private o1a = 0;
  private o1b = 0;
  private o2a = 0;
  private o2b = 0;

  constructor(params: FamilyParams, link: LinkParams, rng: Rng) {
    if (params.slowMs % params.stepMs !== 0 || OUTAGE_SLOT_MS % params.stepMs !== 0) {
      throw new RangeError(`FamilyTrace: slowMs and ${OUTAGE_SLOT_MS} ms must be multiples of stepMs ${params.stepMs}`);
    }
    this.p = params;
    this.jitterMs = link.jitterMs;
    this.burst = link.burst;
    // fixed draw order: key, median, rtt (5 uniforms), so common random numbers line up across variants
    const key = rng.nextU32();
    this.medianDownKbps = params.downMedianKbps * Math.exp(params.viewerSigma * standardNormal(rng));
    this.rttBaseMs = params.rttMedianMs * Math.exp(params.rttViewerSigma * standardNormal(rng));
    this.kSlow = subKey(key, 1);
    this.kFast = subKey(key, 2);
    this.kRtt = subKey(key, 3);
    this.kOut = subKey(key, 4);
    this.outageProb = Math.min(1, (params.outagesPerHour * OUTAGE_SLOT_MS) / 3_600_000);
    this.expSlow = lognormalTable(params.slowSigma);
    this.expFast = lognormalTable(params.fastSigma);
    this.expRtt = lognormalTable(params.rttStepSigma);
  }

  private stepValues(k: number): void {
    const p = this.p;
    const slow = Math.floor((k * p.stepMs) / p.slowMs);
    if (slow !== this.cSlowIdx) {
      this.cSlow = this.medianDownKbps * this.expSlow[gaussCodeAt(this.kSlow, slow)]!;
      this.cSlowIdx = slow;
    }
    // m_v · exp(σ_slow z_slow) · exp(σ_fast z_fast), both factors read from tables
    this.cDown = Math.min(p.maxDownKbps, this.cSlow * this.expFast[gaussCodeAt(this.kFast, k)]!);
    this.cRtt = this.rttBaseMs * this.expRtt[gaussCodeAt(this.kRtt, k)]!;
    this.cK = k;
  }

  /** the outage of slot s as [a, b), or an empty interval */
  private outageOf(s: number, first: boolean): void {
    let a = 0;
    let b = 0;
    if (s >= 0 && unitAt(this.kOut, 3 * s) < this.outageProb) {
      a = s * OUTAGE_SLOT_MS + unitAt(this.kOut, 3 * s + 1) * OUTAGE_SLOT_MS;
      const len = -Math.log(1 - unitAt(this.kOut, 3 * s + 2)) * this.p.outageMeanMs;
      b = a + Math.min(OUTAGE_SLOT_MS, len);
    }
    if (first) {
      this.o1a = a;
      this.o1b = b;
    } else {
      this.o2a = a;
      this.o2b = b;
    }
  }

  locate(t: number, seg: TraceSegment): void {
    const step = this.p.stepMs;
    const k = Math.floor(t / step);
    if (k !== this.cK) this.stepValues(k);
    const s = Math.floor(t / OUTAGE_SLOT_MS);
    if (s !== this.cSlot) {
      this.outageOf(s - 1, true);
      this.outageOf(s, false);
      this.cSlot = s;
    }
    let lo = k * step;
    let hi = lo + step;
    let out = false;
    // the two slots' outages may overlap; treat them as a union
    const a1 = this.o1a, b1 = this.o1b, a2 = this.o2a, b2 = this.o2b;
    if (t >= a1 && t < b1) {
      out = true;
      lo = Math.max(lo, a1);
      hi = Math.min(hi, b2 > b1 && a2 <= b1 ? b2 : b1);
    } else if (t >= a2 && t < b2) {
      out = true;
      lo = Math.max(lo, b1 > a2 && a1 <= a2 ? a1 : a2);
      hi = Math.min(hi, b2);
    } else {
      if (b1 > a1 && b1 <= t) lo = Math.max(lo, b1);
      if (b2 > a2 && b2 <= t) lo = Math.max(lo, b2);
      if (b1 > a1 && a1 > t) hi = Math.min(hi, a1);
      if (b2 > a2 && a2 > t) hi = Math.min(hi, a2);
    }
    seg.startMs = lo;
    seg.endMs = hi;
    seg.rttMs = this.cRtt;
    seg.loss = this.p.loss;
    seg.downKbps = out ? 0 : this.cDown;
    seg.upKbps = out ? 0 : this.cDown * this.p.upRatio;
  }
}
