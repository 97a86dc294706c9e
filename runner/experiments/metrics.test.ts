import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../engine/result.ts';
import { buildFullResult } from '../../reports/fixtures.ts';
import { KEY_METRICS, isMetricName, metricPatterns, metricValues, orderMetrics } from './metrics.ts';

describe('metrics of a result', () => {
  const r = {
    schemaVersion: '1.0',
    seed: 7,
    viewers: { arrived: 10, retention: { '60': 0.5 } },
    commerce: { gmv: 100, aov: Number.NaN },
    marketing: { alertPrecision: null, alerts: 0 },
    engine: { wallMs: 5 },
    thresholds: [{ expression: 'x < 1', actual: 3, pass: false }],
    detail: { binMs: 60_000, concurrent: [1, 2] },
  } as unknown as RunResult;

  it('every finite numeric leaf but engine, detail, thresholds and the seed', () => {
    expect(Object.fromEntries(metricValues(r))).toEqual({ 'viewers.arrived': 10, 'viewers.retention.60': 0.5, 'commerce.gmv': 100, 'marketing.alerts': 0 });
  });

  it('key metrics first, then marketing, then the rest in result order', () => {
    expect(orderMetrics(['funnel.paid', 'marketing.alerts', 'viewers.arrived', 'commerce.aov', 'commerce.gmv'])).toEqual(['commerce.gmv', 'commerce.aov', 'marketing.alerts', 'funnel.paid', 'viewers.arrived']);
  });

  it('names from the schema: record keys are free, engine is out', () => {
    const p = metricPatterns();
    expect(p).toContain('qoe.byNetwork.*.rebufferRatio');
    for (const m of KEY_METRICS) expect(isMetricName(m, p)).toBe(true);
    expect(isMetricName('qoe.byNetwork.weak-4g.startupMs.p50', p)).toBe(true);
    expect(isMetricName('engine.wallMs', p)).toBe(false);
    expect(isMetricName('commerce', p)).toBe(false);
  });

  it('every metric of a full result is a schema name', () => {
    const p = metricPatterns();
    const names = [...metricValues(buildFullResult()).keys()];
    expect(names.length).toBeGreaterThan(30);
    for (const m of names) expect(isMetricName(m, p), m).toBe(true);
  });
});
