import { describe, expect, it } from 'vitest';
import { detailProblems, readDetail } from './detail.ts';
import { buildFullResult, buildMinimalResult } from './fixtures.ts';

describe('readDetail', () => {
  it('reads every field of the full fixture', () => {
    const d = readDetail(buildFullResult({ minutes: 30 }));
    expect(d.core?.concurrent).toHaveLength(30);
    expect(Object.keys(d.ext).sort()).toEqual(['alerts', 'anomalies', 'cleaning', 'comments', 'coupons', 'intents', 'latencyToLiveP95Ms', 'prompts', 'propensity', 'qoeByWatch', 'run', 'segments', 'skuHeat', 'skuRanking', 'startupCdf', 'survival', 'timeline']);
    expect(d.malformed).toEqual([]);
  });

  it('gives nothing, and no complaint, for a result without detail', () => {
    expect(readDetail(buildMinimalResult())).toEqual({ core: null, ext: {}, malformed: [] });
  });

  it('drops a malformed field, names it, and keeps the rest', () => {
    const r = buildFullResult({ minutes: 10 });
    (r.detail as Record<string, unknown>).prompts = [{ atMs: 'soon' }];
    const d = readDetail(r);
    expect(d.ext.prompts).toBeUndefined();
    expect(d.ext.segments).toBeDefined();
    expect(d.malformed).toEqual(['detail.prompts']);
  });

  it('names the core series that broke', () => {
    const r = buildFullResult({ minutes: 10 });
    (r.detail as Record<string, unknown>).concurrent = 'lots';
    expect(readDetail(r)).toMatchObject({ core: null, malformed: ['detail.concurrent'] });
  });
});

describe('detailProblems', () => {
  it('names the path, the expectation and the value', () => {
    const r = buildFullResult({ minutes: 10 });
    (r.detail as unknown as { coupons: { issued: unknown } }).coupons.issued = -3;
    expect(detailProblems(r.detail)).toEqual([{ path: 'detail.coupons.issued', expected: expect.stringContaining('>=0'), value: -3 }]);
  });

  it('accepts the full fixture and an absent detail', () => {
    expect(detailProblems(buildFullResult({ minutes: 10 }).detail)).toEqual([]);
    expect(detailProblems(undefined)).toEqual([]);
  });
});
