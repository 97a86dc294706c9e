import { describe, expect, it } from 'vitest';
import { etaText, fmtEta } from './progress.ts';

describe('progress ETA', () => {
  it('formats seconds, minutes and hours', () => {
    expect([fmtEta(4.4), fmtEta(65), fmtEta(119.6), fmtEta(3725)]).toEqual(['4s', '1m05s', '2m00s', '1h02m']);
  });
  it('is the wall time per unit of work done by this invocation times the work left', () => {
    // 10 of 40 runs done in 30 s: 30 left at 3 s each
    expect(etaText(0, 10, 40, 30_000)).toBe('1m30s');
    // resumed runs are not speed: 20 resumed, 5 more in 50 s, 15 left at 10 s each
    expect(etaText(20, 25, 40, 50_000)).toBe('2m30s');
  });
  it('says … until there is enough to go on, and 0s when done', () => {
    expect(etaText(0, 0, 40, 5000)).toBe('…');
    expect(etaText(0, 0.5, 40, 5000)).toBe('…');
    expect(etaText(0, 5, 40, 1000)).toBe('…');
    expect(etaText(3, 40, 40, 1)).toBe('0s');
  });
});
