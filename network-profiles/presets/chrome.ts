// Chrome DevTools / puppeteer throttling presets, exactly as shipped (puppeteer-core
// src/cdp/PredefinedNetworkConditions.ts; devtools-frontend NetworkManager.ts; CALIBRATION.md §4):
// constant rates given in bytes/s and a "latency" that DevTools adds to every request's round trip.
// DevTools emulates no loss and no jitter, so neither do these.
import { StepTrace } from '../trace/index.ts';
import type { TraceProfile } from '../types.ts';

const SOURCE = 'puppeteer PredefinedNetworkConditions / DevTools NetworkManager (CALIBRATION.md §4)';

/** bytes/s → kbit/s */
const kbps = (bytesPerS: number) => (bytesPerS * 8) / 1000;

function constant(name: string, title: string, downBps: number, upBps: number, latencyMs: number): TraceProfile {
  const trace = StepTrace.fromSteps([{ durationMs: 1000, downKbps: kbps(downBps), upKbps: kbps(upBps), rttMs: latencyMs, loss: 0 }], { wrap: true });
  return { kind: 'trace', name, title, source: SOURCE, trace };
}

// 'Slow 3G': 500 kbit/s × 0.8 each way, 400 ms × 5 latency
export const SLOW_3G = constant('slow-3g', 'Chrome "Slow 3G": 400/400 kbit/s, 2000 ms', 50_000, 50_000, 2000);
// 'Fast 3G' (= 'Slow 4G' in newer DevTools): 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up, 150 ms × 3.75
export const FAST_3G = constant('fast-3g', 'Chrome "Fast 3G": 1440/675 kbit/s, 562.5 ms', 180_000, 84_375, 562.5);
export const SLOW_4G = constant('slow-4g', 'Chrome "Slow 4G" (= Fast 3G): 1440/675 kbit/s, 562.5 ms', 180_000, 84_375, 562.5);
// 'Fast 4G': 9 Mbit/s × 0.9 down, 1.5 Mbit/s × 0.9 up, 60 ms × 2.75
export const FAST_4G = constant('fast-4g', 'Chrome "Fast 4G": 8100/1350 kbit/s, 165 ms', 1_012_500, 168_750, 165);

export const CHROME_PRESETS = [SLOW_3G, FAST_3G, SLOW_4G, FAST_4G] as const;
