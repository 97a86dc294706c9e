import { describe, expect, it } from 'vitest';
import { testPlayer } from './test-player.ts';
import { BANDWIDTH_SAFETY_FACTOR, addThroughputSample, rungForBitrate, safeThroughput, throughputEstimate } from './throughput.ts';

describe('dash.js throughput estimate', () => {
  it('is NaN before any sample, and exactly the sample after one (zero-start correction)', () => {
    const p = testPlayer();
    expect(throughputEstimate(p)).toBeNaN();
    addThroughputSample(p, 1234, 500);
    expect(throughputEstimate(p)).toBeCloseTo(1234, 9);
  });

  it('weights samples by 0.0015 × download ms on 3 s / 8 s half-lives and takes the lower EWMA', () => {
    const p = testPlayer();
    addThroughputSample(p, 1000, 2000); // weight 3
    addThroughputSample(p, 4000, 2000); // weight 3
    const fast = (0.5 * (0.5 * 0 + 0.5 * 1000) + 0.5 * 4000) / (1 - 0.25); // half-life 3: α = 0.5 per sample
    const a = Math.pow(0.5, 3 / 8);
    const slow = (a * ((1 - a) * 1000) + (1 - a) * 4000) / (1 - Math.pow(0.5, 6 / 8));
    expect(throughputEstimate(p)).toBeCloseTo(Math.min(fast, slow), 9);
    expect(slow).toBeLessThan(fast); // after a rise the slow EWMA lags, so it is the one used
    expect(safeThroughput(p)).toBeCloseTo(BANDWIDTH_SAFETY_FACTOR * slow, 9);
  });

  it('ignores empty or impossible samples', () => {
    const p = testPlayer();
    addThroughputSample(p, 0, 100);
    addThroughputSample(p, 500, 0);
    addThroughputSample(p, Infinity, 10);
    expect(throughputEstimate(p)).toBeNaN();
  });

  it.each([
    { kbps: 100, rung: 0, reason: 'below the lowest rung: the lowest' },
    { kbps: 200, rung: 0, reason: 'exactly a rung: that rung' },
    { kbps: 599.9, rung: 0, reason: 'just under 600' },
    { kbps: 737, rung: 1, reason: '0.9 × 819.2 (the cascade 800 step)' },
    { kbps: 1e9, rung: 2, reason: 'anything above the top: the top' },
  ])('rungForBitrate($kbps) = $rung on 200/600/1000 ($reason)', ({ kbps, rung }) => {
    expect(rungForBitrate(Float64Array.from([200, 600, 1000]), kbps)).toBe(rung);
  });
});
