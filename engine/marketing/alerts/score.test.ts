import { describe, expect, it } from 'vitest';
import { scoreAlerts, type AnomalyInterval } from './score.ts';

const truth: AnomalyInterval[] = [
  { kind: 'bounce-burst', start: 10_000, end: 20_000 },
  { kind: 'conversion-drop', start: 50_000, end: 80_000 },
];
const grace = 5_000;

describe('alert scoring against injected ground truth', () => {
  it.each([
    { why: 'no alerts: precision undefined, recall 0', alerts: [], p: null, r: 0, ttd: null },
    { why: 'one hit each, exact', alerts: [{ kind: 'bounce-burst', at: 12_000 }, { kind: 'conversion-drop', at: 53_000 }], p: 1, r: 1, ttd: 2_500 },
    { why: 'right time, wrong kind', alerts: [{ kind: 'cart-collapse', at: 12_000 }], p: 0, r: 0, ttd: null },
    { why: 'inside the grace after the end counts', alerts: [{ kind: 'bounce-burst', at: 24_999 }], p: 1, r: 0.5, ttd: 14_999 },
    { why: 'at end + grace is too late', alerts: [{ kind: 'bounce-burst', at: 25_000 }], p: 0, r: 0, ttd: null },
    { why: 'before the start is a false alarm', alerts: [{ kind: 'bounce-burst', at: 9_999 }], p: 0, r: 0, ttd: null },
    { why: 'two alerts in one interval: both true, TTD from the first', alerts: [{ kind: 'bounce-burst', at: 15_000 }, { kind: 'bounce-burst', at: 11_000 }, { kind: 'bounce-burst', at: 40_000 }], p: 2 / 3, r: 0.5, ttd: 1_000 },
  ] as const)('$why', ({ alerts, p, r, ttd }) => {
    const s = scoreAlerts(alerts, truth, grace);
    expect(s.precision).toBe(p);
    expect(s.recall).toBe(r);
    expect(s.meanTimeToDetectMs).toBe(ttd);
    expect(s.truePositives + s.falsePositives).toBe(alerts.length);
  });

  it('recall is undefined without ground truth', () => {
    expect(scoreAlerts([{ kind: 'bounce-burst', at: 1 }], [], grace)).toMatchObject({ precision: 0, recall: null });
  });
});
