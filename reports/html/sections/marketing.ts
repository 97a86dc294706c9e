// Section 8: marketing: danmaku (volume, cleaning, intents), host prompts (timeline, latency, texts and the danmaku behind them), SKU heat,
// propensity buckets against AOV, targeted coupons and their redemption.
import type { Prompt, SkuRanking } from '../../../engine/result-detail.ts';

type SkuRankRow = SkuRanking[number];
import { commentsChart, couponsChart, couponsTimeChart, intentsChart, promptsChart, propensityChart, skuHeatChart } from '../../charts/index.ts';
import { escapeHtml } from '../../escape.ts';
import { fmtInt, fmtNum, fmtPct, fmtShowTime } from '../../format.ts';
import { section, table } from '../blocks.ts';
import type { SectionContext } from './context.ts';

const MAX_PROMPT_ROWS = 12;

function promptsPart(c: SectionContext): string {
  const m = c.result.marketing;
  const head = `<p>${fmtInt(m.prompts)} prompts to the host; comment → host latency p50 ${fmtInt(m.promptLatencyMs.p50)} ms, p99 ${fmtInt(m.promptLatencyMs.p99)} ms (virtual time).</p>`;
  const prompts = c.ext.prompts;
  if (!prompts) return head + c.missing('Host prompts with time, intent and latency', 'detail.prompts');
  if (prompts.length === 0) return `${head}<p class="lede">No prompt was raised.</p>`;
  const shown = [...prompts].sort((a, b) => (b.comments ?? 0) - (a.comments ?? 0) || a.atMs - b.atMs).slice(0, MAX_PROMPT_ROWS);
  const rows = table<Prompt>(shown, [
    { title: 'Time', num: true, cell: (p) => fmtShowTime(p.atMs) },
    { title: 'Intent', cell: (p) => escapeHtml(p.intent) },
    { title: prompts.some((p) => p.examples?.length) ? 'Prompt and the danmaku behind it' : 'Prompt', cell: (p) => `<div class="ugc">${escapeHtml(p.text)}</div>${p.examples?.length ? `<div class="examples ugc">${p.examples.map((e) => `「${escapeHtml(e)}」`).join(' ')}</div>` : ''}` },
    { title: 'Comments', num: true, cell: (p) => (p.comments === undefined ? '—' : fmtInt(p.comments)) },
    { title: 'Latency', num: true, cell: (p) => `${fmtInt(p.latencyMs)} ms` },
  ], 'id="prompt-table"');
  const note = prompts.length > MAX_PROMPT_ROWS ? `<p class="lede">The ${MAX_PROMPT_ROWS} largest clusters of ${fmtInt(prompts.length)}.</p>` : '';
  return head + c.charts.figure('prompts', 'Prompts to the host on the timeline', promptsChart({ prompts, minutes: c.minutes, startTimeOfDay: c.startTimeOfDay })) + rows + note;
}

function danmakuPart(c: SectionContext): string {
  const { comments, cleaning, intents } = c.ext;
  const parts: string[] = [];
  parts.push(comments && comments.length > 0 ? c.charts.figure('comments', 'Danmaku per minute', commentsChart({ binMs: c.core?.binMs ?? 60_000, comments, startTimeOfDay: c.startTimeOfDay })) : c.missing('Danmaku per minute', 'detail.comments'));
  if (cleaning) {
    const dropped = Object.entries(cleaning.dropped).filter(([, n]) => n > 0);
    const list = dropped.length > 0 ? dropped.map(([why, n]) => `${fmtInt(n)} ${escapeHtml(why)}`).join(', ') : 'none';
    parts.push(`<p id="cleaning">Cleaning kept ${fmtInt(cleaning.kept)} of ${fmtInt(cleaning.received)} comments; dropped: ${list}.</p>`);
  } else parts.push(c.missing('Comment cleaning (what was dropped)', 'detail.cleaning'));
  parts.push(intents && Object.keys(intents).length > 0 ? c.charts.figure('intents', 'Kept comments by intent', intentsChart(intents)) : c.missing('Comments by intent', 'detail.intents'));
  return parts.join('');
}

function rankingPart(c: SectionContext): string {
  const ranking = c.ext.skuRanking;
  if (!ranking) return c.missing('SKU ranking', 'detail.skuRanking');
  if (ranking.length === 0) return '<p class="lede">No SKU drew any attention (no card view, cart or mention).</p>';
  const num = (v: number | undefined, digits = 1) => (v === undefined ? '—' : fmtNum(v, digits));
  const has = (k: 'mentions' | 'dwellSec' | 'views' | 'carts') => ranking.some((r) => r[k] !== undefined);
  return table(ranking.slice(0, 10), [
    { title: '#', num: true, cell: (r) => String(ranking.indexOf(r) + 1) },
    { title: 'SKU', cell: (r) => `<span class="ugc">${escapeHtml(r.name ?? r.sku)}</span>${r.name ? ` <span class="examples">${escapeHtml(r.sku)}</span>` : ''}` },
    { title: 'Heat', num: true, cell: (r) => fmtNum(r.score, 3) },
    ...(has('mentions') ? [{ title: 'Mentions', num: true, cell: (r: SkuRankRow) => num(r.mentions, 0) }] : []),
    ...(has('dwellSec') ? [{ title: 'Card dwell', num: true, cell: (r: SkuRankRow) => (r.dwellSec === undefined ? '—' : `${fmtNum(r.dwellSec, 1)} s`) }] : []),
    ...(has('views') ? [{ title: 'Views', num: true, cell: (r: SkuRankRow) => num(r.views, 0) }] : []),
    ...(has('carts') ? [{ title: 'Carts', num: true, cell: (r: SkuRankRow) => num(r.carts, 0) }] : []),
  ], 'id="sku-ranking"');
}

function couponsPart(c: SectionContext): string {
  const k = c.ext.coupons;
  if (!k) return c.missing('Targeted coupons issued and redeemed', 'detail.coupons');
  const rate = k.issued > 0 ? k.redeemed / k.issued : 0;
  const summary = `<p id="coupon-summary">${fmtInt(k.issued)} targeted coupons issued, ${fmtInt(k.redeemed)} redeemed (${fmtPct(rate)}).</p>`;
  // a run without targeting issued none: say so rather than draw empty axes
  if (k.issued === 0) return `${summary}<p class="lede">No coupon was pushed to a viewer in this run (targeting off, or no segment move reached it).</p>`;
  const overTime = k.issuedSeries && k.redeemedSeries ? c.charts.figure('coupons-time', 'Targeted coupons over the show', couponsTimeChart({ binMs: c.core?.binMs ?? 60_000, issued: k.issuedSeries, redeemed: k.redeemedSeries, startTimeOfDay: c.startTimeOfDay })) : '';
  return `${summary}${c.charts.figure('coupons', 'Targeted coupons by segment', couponsChart(k), 'Segment: the category of the coupon’s SKU (the segment the viewer had just moved into). Label: share of issued coupons redeemed.')}${overTime}`;
}

export function marketingSection(c: SectionContext): string {
  const heat = c.ext.skuHeat;
  const parts = [
    '<h3>Danmaku</h3>',
    danmakuPart(c),
    '<h3>Prompts to the host</h3>',
    promptsPart(c),
    '<h3>SKU heat</h3>',
    heat && heat.skus.length > 0 ? c.charts.figure('sku-heat', 'SKU heat over time (top SKUs)', skuHeatChart({ heat, binMs: c.core?.binMs ?? 60_000, startTimeOfDay: c.startTimeOfDay }), 'Heat combines danmaku mentions, card dwell and add-to-cart rate; SKUs ordered by total heat.') : c.missing('SKU heat over time', 'detail.skuHeat'),
    '<h4>SKU ranking (mean heat over the show: where the host was told to spend time)</h4>',
    rankingPart(c),
    '<h3>Spending propensity</h3>',
    c.ext.propensity && c.ext.propensity.length > 0 ? c.charts.figure('propensity', 'Propensity buckets against AOV and conversion', propensityChart(c.ext.propensity), 'Viewers bucketed by the engine’s spending-propensity index (its low / mid / high thresholds), taken at their first checkout, i.e. from what they did before buying; viewers who never checked out by their index when they left.') : c.missing('Propensity buckets against AOV', 'detail.propensity'),
    '<h3>Targeted coupons</h3>',
    couponsPart(c),
  ];
  return section('marketing', '8 · Marketing', '', parts.join(''));
}
