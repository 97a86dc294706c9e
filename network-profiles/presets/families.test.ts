import { describe, expect, it } from 'vitest';
import { RngStreams } from '../../engine/kernel/index.ts';
import { instantiate } from '../instantiate.ts';
import { TraceSegment } from '../types.ts';
import { FAMILY_3G, FAMILY_4G, FAMILY_OF, FAMILY_PRESETS } from './families.ts';

/** per-viewer time-mean rates and the share of 1-s samples below 1 Mbit/s, over a population */
function population(profile: (typeof FAMILY_PRESETS)[number], viewers: number, seconds: number) {
  const streams = new RngStreams(2024);
  const seg = new TraceSegment();
  const means: number[] = [];
  let below = 0;
  for (let v = 0; v < viewers; v++) {
    const tr = instantiate(profile, streams.stream(v, 'net-profile'));
    let sum = 0;
    for (let s = 0; s < seconds; s++) {
      tr.locate(s * 1000 + 500, seg);
      sum += seg.downKbps;
      if (seg.downKbps < 1000) below++;
    }
    means.push(sum / seconds);
  }
  means.sort((a, b) => a - b);
  return { medianOfMeans: means[means.length >> 1]!, below1M: below / (viewers * seconds) };
}

describe('audience families', () => {
  it('3g matches the Norway HSDPA figures: per-trace mean median ≈ 1.15 Mbit/s, 47 % of time < 1 Mbit/s', () => {
    const p = population(FAMILY_3G, 400, 600);
    expect(p.medianOfMeans).toBeGreaterThan(1050); // tolerance ±10 % around 1.15–1.19 Mbit/s
    expect(p.medianOfMeans).toBeLessThan(1300);
    expect(p.below1M).toBeGreaterThan(0.43); // tolerance ±4 points around 47 %
    expect(p.below1M).toBeLessThan(0.51);
  });

  it('4g is an order of magnitude faster than 3g and almost never below 1 Mbit/s', () => {
    const g4 = population(FAMILY_4G, 200, 300);
    expect(g4.medianOfMeans).toBeGreaterThan(10 * population(FAMILY_3G, 200, 300).medianOfMeans);
    expect(g4.below1M).toBeLessThan(0.01);
  });

  it('gives every viewer its own trace, not one shared curve', () => {
    const streams = new RngStreams(1);
    const seg = new TraceSegment();
    const rates = new Set<number>();
    for (let v = 0; v < 50; v++) {
      instantiate(FAMILY_4G, streams.stream(v, 'net-profile')).locate(60_000, seg);
      rates.add(seg.downKbps);
    }
    expect(rates.size).toBe(50);
  });

  it('maps every protocol network class to its family', () => {
    expect(Object.keys(FAMILY_OF).sort()).toEqual(['3g', '4g', 'weak-4g', 'wifi']);
    for (const [k, p] of Object.entries(FAMILY_OF)) expect(p.name).toBe(k);
  });
});
