// Scripted network events that a scenario lays over any profile, at absolute run times:
//   tunnel      — no connectivity for durationMs (both directions),
//   handover    — a short interruption, then a round-trip spike while the path settles,
//   congestion  — the cell's capacity is shared by more viewers (evening peak): rates × capacityShare.
// Defaults that no calibrated source pins down are marked as model choices; scenarios should set them.
import type { InputProblem } from '../../engine/kernel/index.ts';
import { Overlay } from './overlay.ts';

export const SCRIPTED_EVENT_KINDS = ['tunnel', 'handover', 'congestion'] as const;
export type ScriptedEventKind = (typeof SCRIPTED_EVENT_KINDS)[number];

export interface TunnelEvent {
  kind: 'tunnel';
  atMs: number;
  durationMs: number;
}
export interface HandoverEvent {
  kind: 'handover';
  atMs: number;
  interruptionMs?: number;
  rttSpikeMs?: number;
  spikeDurationMs?: number;
}
export interface CongestionEvent {
  kind: 'congestion';
  atMs: number;
  durationMs: number;
  /** the fraction of its usual rate a viewer keeps, in (0, 1] */
  capacityShare: number;
  /** linear-in-steps ramp into and out of the congested level */
  rampMs?: number;
  /** extra queueing round trip while congested (bufferbloat) */
  rttAddMs?: number;
}
export type ScriptedEvent = TunnelEvent | HandoverEvent | CongestionEvent;

// Model choices (no figure in CALIBRATION.md): LTE handover interruptions are tens of ms; loss-free
// handovers forward queued data and raise delay (Nguyen et al., "Towards Understanding TCP Performance
// on LTE/EPC Mobile Networks", AllThingsCellular 2014: direction only).
export const HANDOVER_DEFAULTS = { interruptionMs: 50, rttSpikeMs: 200, spikeDurationMs: 2000 } as const;
/** A ramp is applied in this many equal steps, so the overlay stays piecewise constant (exact integration). */
export const RAMP_STEPS = 4;

/** Share of a fairly shared cell left to each of its users when usersBefore become usersDuring. */
export function cellShare(usersBefore: number, usersDuring: number): number {
  if (!(usersBefore > 0) || !(usersDuring >= usersBefore)) {
    throw new RangeError(`cellShare: expected 0 < usersBefore ≤ usersDuring, got ${usersBefore}, ${usersDuring}`);
  }
  return usersBefore / usersDuring;
}

/** Every problem with a list of events, collected in one pass (paths like `events[2].durationMs`). */
export function validateEvents(events: readonly ScriptedEvent[], path = 'events'): InputProblem[] {
  const problems: InputProblem[] = [];
  const need = (ok: boolean, p: string, value: unknown, expected: string) => {
    if (!ok) problems.push({ path: p, value, expected });
  };
  events.forEach((e, i) => {
    const at = `${path}[${i}]`;
    if (!SCRIPTED_EVENT_KINDS.includes(e.kind)) {
      problems.push({ path: `${at}.kind`, value: e.kind, expected: `one of ${SCRIPTED_EVENT_KINDS.join(', ')}` });
      return;
    }
    need(Number.isFinite(e.atMs) && e.atMs >= 0, `${at}.atMs`, e.atMs, 'a time ≥ 0 ms');
    if (e.kind === 'tunnel' || e.kind === 'congestion') {
      need(Number.isFinite(e.durationMs) && e.durationMs > 0, `${at}.durationMs`, e.durationMs, 'a duration > 0 ms');
    }
    if (e.kind === 'handover') {
      for (const k of ['interruptionMs', 'rttSpikeMs', 'spikeDurationMs'] as const) {
        const v = e[k];
        need(v === undefined || (Number.isFinite(v) && v >= 0), `${at}.${k}`, v, 'a number ≥ 0 ms');
      }
    }
    if (e.kind === 'congestion') {
      need(e.capacityShare > 0 && e.capacityShare <= 1, `${at}.capacityShare`, e.capacityShare, 'a share in (0, 1]');
      const ramp = e.rampMs ?? 0;
      need(Number.isFinite(ramp) && ramp >= 0 && 2 * ramp <= e.durationMs, `${at}.rampMs`, e.rampMs, 'a ramp ≥ 0 ms, at most half the duration');
      need(e.rttAddMs === undefined || (Number.isFinite(e.rttAddMs) && e.rttAddMs >= 0), `${at}.rttAddMs`, e.rttAddMs, 'a number ≥ 0 ms');
    }
  });
  return problems;
}

interface Piece {
  start: number;
  end: number;
  factor: number;
  rttAdd: number;
}

function piecesOf(e: ScriptedEvent, out: Piece[]): void {
  if (e.kind === 'tunnel') {
    out.push({ start: e.atMs, end: e.atMs + e.durationMs, factor: 0, rttAdd: 0 });
  } else if (e.kind === 'handover') {
    const cut = e.interruptionMs ?? HANDOVER_DEFAULTS.interruptionMs;
    const spike = e.spikeDurationMs ?? HANDOVER_DEFAULTS.spikeDurationMs;
    if (cut > 0) out.push({ start: e.atMs, end: e.atMs + cut, factor: 0, rttAdd: 0 });
    if (spike > 0) out.push({ start: e.atMs + cut, end: e.atMs + cut + spike, factor: 1, rttAdd: e.rttSpikeMs ?? HANDOVER_DEFAULTS.rttSpikeMs });
  } else {
    const ramp = e.rampMs ?? 0;
    const add = e.rttAddMs ?? 0;
    const end = e.atMs + e.durationMs;
    const dip = 1 - e.capacityShare;
    if (ramp > 0) {
      const w = ramp / RAMP_STEPS;
      for (let k = 1; k <= RAMP_STEPS; k++) {
        const f = 1 - (dip * k) / (RAMP_STEPS + 1);
        out.push({ start: e.atMs + (k - 1) * w, end: e.atMs + k * w, factor: f, rttAdd: add });
        out.push({ start: end - k * w, end: end - (k - 1) * w, factor: f, rttAdd: add });
      }
    }
    out.push({ start: e.atMs + ramp, end: end - ramp, factor: e.capacityShare, rttAdd: add });
  }
}

/** Folds events into one Overlay (factors multiply, round-trip additions add). Validates first. */
export function compileOverlay(events: readonly ScriptedEvent[]): Overlay | null {
  const problems = validateEvents(events);
  if (problems.length > 0) {
    throw new RangeError(`compileOverlay: invalid events: ${problems.map((p) => `${p.path} ${JSON.stringify(p.value)}`).join('; ')}`);
  }
  const pieces: Piece[] = [];
  for (const e of events) piecesOf(e, pieces);
  const live = pieces.filter((p) => p.end > p.start);
  if (live.length === 0) return null;
  const bounds = [...new Set(live.flatMap((p) => [p.start, p.end]))].sort((a, b) => a - b);
  const n = bounds.length;
  const factor = new Float64Array(n - 1);
  const rtt = new Float64Array(n - 1);
  for (let w = 0; w < n - 1; w++) {
    const mid = (bounds[w]! + bounds[w + 1]!) / 2;
    let f = 1;
    let add = 0;
    for (const p of live) {
      if (p.start <= mid && mid < p.end) {
        f *= p.factor;
        add += p.rttAdd;
      }
    }
    factor[w] = f;
    rtt[w] = add;
  }
  return new Overlay(Float64Array.from(bounds), factor, rtt);
}
