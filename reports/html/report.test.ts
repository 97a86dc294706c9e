// The page as text: sections, key figures, graceful "not recorded" notes, escaping, CSP, no URLs.
// (The page in a real browser: test/browser/report.test.ts.)
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ReportAssets } from '../assets.ts';
import { buildComparison, buildFullResult, buildMinimalResult, XSS_IMG, XSS_SCRIPT } from '../fixtures.ts';
import { renderComparison } from './comparison.ts';
import { keyFigures } from './key-figures.ts';
import { renderReport } from './report.ts';

const assets: ReportAssets = { vega: 'var vega={};', versions: { vega: '6.0.0', vegaLite: '6.0.0' } };
const specsOf = (html: string): { id: string }[] => JSON.parse(/<script type="application\/json" id="livelab-specs">(.*?)<\/script>/s.exec(html)![1]!);
/** the page without its inlined runtimes */
const pageOnly = (html: string): string => html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');

describe('renderReport', () => {
  const full = buildFullResult({ minutes: 60 });
  const html = renderReport(full, assets);

  it('has the eight sections and a chart container for every spec', () => {
    for (const id of ['audience', 'retention', 'qoe', 'funnel', 'drift', 'marketing', 'key-figures', 'thresholds', 'reproduce']) expect(html).toContain(`id="${id}"`);
    const specs = specsOf(html);
    expect(specs.length).toBe(20);
    for (const s of specs) expect(html).toContain(`<div class="view" id="${s.id}"`);
    expect(html).not.toContain('not recorded in this run');
  });

  it('shows every key figure with its raw value', () => {
    for (const f of keyFigures(full)) expect(html).toContain(`data-key="${f.key}" data-value="${JSON.stringify(f.value)}"`);
  });

  it('prints a reproduce command with the scenario file, seed and viewers', () => {
    expect(html).toContain('npx livelab run scenarios/beauty-propensity.yaml --seed 42 --viewers 10000');
  });

  it('is deterministic: same result, same bytes', () => {
    expect(renderReport(buildFullResult({ minutes: 60 }), assets)).toBe(html);
  });

  it('allows exactly its own scripts by hash and fetches nothing', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(2);
    for (const s of scripts) expect(csp).toContain(`sha256-${createHash('sha256').update(s).digest('base64')}`);
    const page = pageOnly(html);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(page).not.toMatch(/\s(src|href)=/i);
  });

  it('escapes user text everywhere (danmaku, prompts, SKU names, description)', () => {
    const x = renderReport(buildFullResult({ minutes: 60, xss: true }), assets);
    const page = pageOnly(x);
    expect(page).not.toContain(XSS_SCRIPT);
    expect(page).not.toContain('<img');
    expect(page).not.toMatch(/<svg onload/i);
    expect(page).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    // the specs block holds the SKU name with < escaped as \u003c
    expect(x).toContain('\\u003cimg src=x onerror=');
    expect(XSS_IMG).toContain('<img');
  });
});

describe('renderReport on a minimal result', () => {
  const html = renderReport(buildMinimalResult(), assets);

  it.each([
    ['detail.concurrent / arrivals / departures', 'audience over time'],
    ['detail.survival.byNetwork', 'survival by network'],
    ['detail.survival.byPersona', 'survival by persona'],
    ['detail.startupCdf', 'startup CDF'],
    ['detail.latencyToLiveMs', 'latency over time'],
    ['detail.qoeByWatch', 'QoE vs watch time'],
    ['detail.funnel / detail.gmv', 'funnel per minute'],
    ['detail.anomalies', 'ground truth'],
    ['detail.alerts', 'alerts'],
    ['detail.segments', 'interest drift'],
    ['detail.comments', 'danmaku per minute'],
    ['detail.cleaning', 'comment cleaning'],
    ['detail.intents', 'comments by intent'],
    ['detail.prompts', 'host prompts'],
    ['detail.skuHeat', 'SKU heat'],
    ['detail.skuRanking', 'final SKU ranking'],
    ['detail.propensity', 'propensity'],
    ['detail.coupons', 'coupons'],
  ])('says %s is not recorded (%s)', (field) => {
    expect(html).toContain(`data-missing="${field}"`);
  });

  it('still draws what every result has: funnel totals and QoE by network', () => {
    expect(specsOf(html).map((s) => s.id)).toEqual(['chart-network-qoe', 'chart-funnel-totals']);
    expect(html).toContain('No thresholds were set for this run.');
    expect(html).toContain('npx livelab run scenarios/minimal.yaml --seed 7');
  });

  it('says "could not be read" for a field in another shape, and still draws the rest', () => {
    const r = buildFullResult({ minutes: 30 });
    (r.detail as Record<string, unknown>).survival = { byNetwork: { '4g': [{ t: 0, survival: 1 }] } };
    const x = renderReport(r, assets);
    expect(x).toContain('<code>detail.survival</code>');
    expect(x).toMatch(/data-missing="detail.survival.byNetwork" data-malformed="true"><strong>Survival by network family<\/strong>: could not be read/);
    expect(specsOf(x)).toHaveLength(18);
  });

  it('explains null precision and recall instead of printing 0', () => {
    const r = buildMinimalResult();
    const nulls = { ...r, marketing: { ...r.marketing, alertPrecision: null, alertRecall: null } } as unknown as typeof r;
    expect(renderReport(nulls, assets)).toContain('precision n/a (no alert raised), recall n/a (no anomaly injected)');
  });
});

describe('renderComparison', () => {
  const c = buildComparison();
  const html = renderComparison(c, assets);

  it('has the metrics table with every variant, a forest plot and one chart per curve', () => {
    for (const v of c.variants) expect(html).toContain(`data-variant="${v}"`);
    expect(specsOf(html).map((s) => s.id)).toEqual(['chart-forest', 'chart-curve-survival', 'chart-curve-concurrent']);
    expect(html).toContain('npx livelab compare scenarios/beauty-propensity.yaml --variants baseline,propensity,propensity+heat --replications 30');
  });

  it('marks significant differences and degrades without curves', () => {
    expect(html).toContain('✱');
    const bare = renderComparison({ ...c, curves: undefined, scenario: { name: 'x', description: XSS_IMG } }, assets);
    expect(bare).toContain('data-missing="curves"');
    expect(pageOnly(bare)).not.toContain('<img');
  });
});
