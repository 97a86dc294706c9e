// The ten network patterns of Twitch's ACM MMSys 2020 low-latency live grand challenge
// (twitchtv/acm-mmsys-2020-grand-challenge, normal-network-patterns.js and fast-network-patterns.js;
// CALIBRATION.md §4). The harness (run.js) sets each step with Network.emulateNetworkConditions at
// `speed·1024/8` bytes/s both ways and latency 0, so a "1200" step is 1228.8 kbit/s here. The challenge
// plays a pattern once; LiveLab loops it, so that a show of any length has a defined network.
import { StepTrace } from '../trace/index.ts';
import type { ProfileStep, TraceProfile } from '../types.ts';

const SOURCE = 'twitchtv/acm-mmsys-2020-grand-challenge normal-/fast-network-patterns.js (CALIBRATION.md §4)';

/** [speed as the harness writes it, seconds] */
type Pattern = readonly (readonly [number, number])[];

function steps(pattern: Pattern): ProfileStep[] {
  return pattern.map(([speed, s]) => {
    const kbit = (speed * 1024) / 1000; // speed·1024/8 bytes/s = speed·1.024 kbit/s
    return { durationMs: s * 1000, downKbps: kbit, upKbps: kbit, rttMs: 0, loss: 0 };
  });
}

function profile(name: string, title: string, pattern: Pattern): TraceProfile {
  return { kind: 'trace', name, title, source: SOURCE, trace: StepTrace.fromSteps(steps(pattern), { wrap: true }) };
}

const jitters = (lo: number, hi: number): Pattern => [
  [lo, 0.25],
  [hi, 5],
  [lo, 0.1],
  [hi, 1],
  [lo, 0.25],
  [hi, 5],
];
const slowJitters = (lo: number, hi: number): Pattern => [lo, hi, lo, hi, lo, hi].map((v) => [v, 5] as const);

// "smooth, long-term changes which lie comfortably between renditions"
export const MMSYS20_CASCADE = profile('mmsys20-cascade', 'MMSys\'20 cascade: 1200→800→400→800→1200 kbps × 30 s', [
  [1200, 30],
  [800, 30],
  [400, 30],
  [800, 30],
  [1200, 30],
]);
// "a network cascade where there is an intermediate step between renditions"
export const MMSYS20_INTRA_CASCADE = profile(
  'mmsys20-intra-cascade',
  'MMSys\'20 intra-cascade: 1000↘200↗1000 kbps, 15 s steps',
  [1000, 800, 600, 400, 200, 400, 600, 800, 1000].map((v) => [v, 15] as const),
);
// "a sharp downward and upward spike in bandwidth"
export const MMSYS20_SPIKE = profile('mmsys20-spike', 'MMSys\'20 spike: 1200, 300, 800 kbps × 10 s', [
  [1200, 10],
  [300, 10],
  [800, 10],
]);
// "jitter durations much longer than the average buffer length"
export const MMSYS20_SLOW_JITTERS = profile('mmsys20-slow-jitters', 'MMSys\'20 slow jitters: (500, 1200 kbps) × 5 s, ×3', slowJitters(500, 1200));
// "jitter durations less than the average buffer length"
export const MMSYS20_FAST_JITTERS = profile('mmsys20-fast-jitters', 'MMSys\'20 fast jitters: 500/1200 kbps, 0.1–5 s', jitters(500, 1200));

// The PROFILE_FAST transcode's patterns (for its 100k/300k ladder)
export const MMSYS20_CASCADE_FAST = profile('mmsys20-cascade-fast', 'MMSys\'20 cascade (fast): 500→200→500 kbps × 30 s', [
  [500, 30],
  [200, 30],
  [500, 30],
]);
export const MMSYS20_INTRA_CASCADE_FAST = profile(
  'mmsys20-intra-cascade-fast',
  'MMSys\'20 intra-cascade (fast): 300↘100↗300 kbps, 15 s steps',
  [300, 200, 100, 200, 300].map((v) => [v, 15] as const),
);
export const MMSYS20_SPIKE_FAST = profile('mmsys20-spike-fast', 'MMSys\'20 spike (fast): 500, 200, 400 kbps × 10 s', [
  [500, 10],
  [200, 10],
  [400, 10],
]);
export const MMSYS20_SLOW_JITTERS_FAST = profile(
  'mmsys20-slow-jitters-fast',
  'MMSys\'20 slow jitters (fast): (200, 500 kbps) × 5 s, ×3',
  slowJitters(200, 500),
);
export const MMSYS20_FAST_JITTERS_FAST = profile('mmsys20-fast-jitters-fast', 'MMSys\'20 fast jitters (fast): 200/500 kbps, 0.1–5 s', jitters(200, 500));

export const MMSYS20_PRESETS = [
  MMSYS20_CASCADE,
  MMSYS20_INTRA_CASCADE,
  MMSYS20_SPIKE,
  MMSYS20_SLOW_JITTERS,
  MMSYS20_FAST_JITTERS,
  MMSYS20_CASCADE_FAST,
  MMSYS20_INTRA_CASCADE_FAST,
  MMSYS20_SPIKE_FAST,
  MMSYS20_SLOW_JITTERS_FAST,
  MMSYS20_FAST_JITTERS_FAST,
] as const;

