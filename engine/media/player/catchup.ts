// Live catch-up: the playback rate that steers latency to its target (dash.js CatchupController, v5.1.1;
// CALIBRATION.md §5). Default mode: Δ = latency − target (s), c = max offset (Δ > 0) or |min| (Δ < 0),
// rate = (1 − c) + 2c / (1 + e^(−5Δ)). LoL+ mode first protects the buffer: below playbackBufferMin it
// slows down by the same curve on (buffer − min), and it leaves the rate at 1 within 2 % of the target.
// dash.js only applies a new rate when it differs by ≥ 0.02·(max/0.5) or is exactly 1.
import type { ResolvedPlayerConfig } from '../config.ts';

function sigmoidRate(delta: number, cpr: number): number {
  return 1 - cpr + (2 * cpr) / (1 + Math.exp(-5 * delta));
}

export function catchupRate(cfg: ResolvedPlayerConfig, latencyMs: number, levelMs: number): number {
  const delta = (latencyMs - cfg.targetLatencyMs) / 1000;
  if (cfg.catchupMode === 'lolp') {
    if (levelMs < cfg.playbackBufferMinMs) return sigmoidRate((levelMs - cfg.playbackBufferMinMs) / 1000, -cfg.catchupMinRate);
    if (Math.abs(latencyMs - cfg.targetLatencyMs) <= 0.02 * cfg.targetLatencyMs) return 1;
  }
  return sigmoidRate(delta, delta < 0 ? -cfg.catchupMinRate : cfg.catchupMaxRate);
}

/** dash.js's minimum rate change: 0.02 for a maximum offset of 0.5, linear in it. */
export function catchupMinChange(cfg: ResolvedPlayerConfig): number {
  return cfg.catchupMaxRate > 0 ? 0.02 / (0.5 / cfg.catchupMaxRate) : 0.02;
}

/** The rate to play at now, given the current one (dash.js's minimum change rule). */
export function nextRate(cfg: ResolvedPlayerConfig, current: number, latencyMs: number, levelMs: number): number {
  const minChange = catchupMinChange(cfg);
  // near the target the answer is "stay at 1" without the exponential: |rate − 1| = c·|tanh(2.5Δ)| ≤ 2.5·c·|Δ|
  if (current === 1 && cfg.catchupMode === 'default') {
    const delta = (latencyMs - cfg.targetLatencyMs) / 1000;
    const c = delta < 0 ? -cfg.catchupMinRate : cfg.catchupMaxRate;
    if (2.5 * c * Math.abs(delta) < minChange) return 1;
  }
  const r = catchupRate(cfg, latencyMs, levelMs);
  return r === 1 || Math.abs(r - current) >= minChange ? r : current;
}
