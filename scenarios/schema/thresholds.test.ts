import { describe, expect, it } from 'vitest';
import { InputError, formatProblem } from '../../engine/kernel/index.ts';
import { formatThreshold, parseThreshold } from './sections/thresholds.ts';
import { evaluateThresholds, metricPaths } from './thresholds-eval.ts';

const result = {
  schemaVersion: 1,
  viewers: { arrived: 10_000, retention: { '60': 0.8, '300': 0.5 } },
  qoe: { startupMs: { p50: 900, p95: 2400 } },
  commerce: { orders: 300, conversionRate: 0.03 },
  scenario: { name: 'x' },
};

describe('parseThreshold', () => {
  it.each([
    ['qoe.startupMs.p95 < 2000', { metric: 'qoe.startupMs.p95', op: '<', value: 2000 }],
    ['  commerce.conversionRate>=0.02 ', { metric: 'commerce.conversionRate', op: '>=', value: 0.02 }],
    ['viewers.retention.60 > .5', { metric: 'viewers.retention.60', op: '>', value: 0.5 }],
    ['engine.wallMs != 1e4', { metric: 'engine.wallMs', op: '!=', value: 10_000 }],
    ['marketing.alerts == -1', { metric: 'marketing.alerts', op: '==', value: -1 }],
  ])('%s', (text, expected) => {
    expect(parseThreshold(text)).toEqual(expected);
  });

  it.each([
    ['no operator', 'qoe.startupMs.p95 2000'],
    ['a doubled operator', 'qoe.startupMs.p95 << 2000'],
    ['no value', 'qoe.startupMs.p95 <'],
    ['a metric without a group', 'startupMs < 2000'],
    ['a unit', 'qoe.startupMs.p95 < 2s'],
  ])('rejects %s', (_why, text) => {
    expect(parseThreshold(text)).toHaveProperty('problem');
  });

  it('formats back to what it parsed', () => {
    for (const t of ['qoe.startupMs.p95 < 2000', 'commerce.conversionRate >= 0.02', 'engine.wallMs != 1e-7']) {
      const p = parseThreshold(t);
      expect('problem' in p).toBe(false);
      expect(parseThreshold(formatThreshold(p as never))).toEqual(p);
    }
  });
});

describe('evaluateThresholds', () => {
  it('gives one pass/fail row per threshold', () => {
    const rows = evaluateThresholds(result, [
      { metric: 'qoe.startupMs.p95', op: '<', value: 2000 },
      { metric: 'commerce.conversionRate', op: '>', value: 0.02 },
      { metric: 'viewers.retention.60', op: '>=', value: 0.8 },
    ]);
    expect(rows.map((r) => [r.threshold, r.actual, r.pass])).toEqual([
      ['qoe.startupMs.p95 < 2000', 2400, false],
      ['commerce.conversionRate > 0.02', 0.03, true],
      ['viewers.retention.60 >= 0.8', 0.8, true],
    ]);
  });

  it('a metric without data in this run (null) fails every comparison but !=', () => {
    const r = { marketing: { alerts: 0, alertPrecision: null } };
    const rows = evaluateThresholds(r, [
      { metric: 'marketing.alertPrecision', op: '>=', value: 0.5 },
      { metric: 'marketing.alertPrecision', op: '!=', value: 1 },
    ]);
    expect(rows.map((x) => [x.threshold, x.pass])).toEqual([
      ['marketing.alertPrecision >= 0.5', false],
      ['marketing.alertPrecision != 1', true],
    ]);
    expect(rows[0]!.actual).toBeNaN();
  });

  it('names every valid metric when a path is unknown', () => {
    let err: unknown;
    try {
      evaluateThresholds(result, [
        { metric: 'qoe.statrupMs.p95', op: '<', value: 1 },
        { metric: 'commerce', op: '>', value: 1 },
      ]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const valid = 'schemaVersion, viewers.arrived, viewers.retention.60, viewers.retention.300, qoe.startupMs.p50, qoe.startupMs.p95, commerce.orders, commerce.conversionRate';
    expect((err as InputError).problems.map(formatProblem)).toEqual([
      `thresholds[0]: expected a numeric metric of result.json: ${valid}, got "qoe.statrupMs.p95" (did you mean 'qoe.startupMs.p95'?)`,
      `thresholds[1]: expected a numeric metric of result.json: ${valid}, got "commerce" (did you mean 'commerce.orders'?)`,
    ]);
  });

  it('lists numeric leaves only', () => {
    expect(metricPaths({ a: { b: 1, c: 'x', d: { e: 2 } }, f: [1] })).toEqual(['a.b', 'a.d.e']);
  });
});
