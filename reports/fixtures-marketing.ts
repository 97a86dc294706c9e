// The show timeline and marketing part of the fixture result: segments, pitches and flash sales, two
// injected anomalies with the alerts that caught them (and one false alarm), host prompts from danmaku
// clusters (Chinese and English), interest segments with drift, SKU heat, propensity buckets, coupons.
import type { Alert, Anomaly, Coupons, Prompt, PropensityBucket, Segments, SkuHeat, SkuRanking, TimelineItem } from '../engine/result-detail.ts';

const SKUS = [
  ['sku-01', '玻尿酸精华 Hyaluronic serum', 'skincare'],
  ['sku-02', '氨基酸洁面 Amino cleanser', 'skincare'],
  ['sku-03', '防晒霜 SPF50 sunscreen', 'skincare'],
  ['sku-04', '丝绒口红 Velvet lipstick', 'makeup'],
  ['sku-05', '气垫粉底 Cushion foundation', 'makeup'],
  ['sku-06', '眼影盘 Eyeshadow palette', 'makeup'],
  ['sku-07', '香水礼盒 Perfume gift box', 'fragrance'],
  ['sku-08', '面膜 10 片 Sheet masks ×10', 'skincare'],
  ['sku-09', '卸妆油 Cleansing oil', 'skincare'],
  ['sku-10', '护手霜 Hand cream', 'bodycare'],
] as const;

const PROMPTS: [string, string, string[]][] = [
  ['suitability', '很多观众问敏感肌能不能用：请回应 · Many ask if it suits sensitive skin', ['敏感肌可以用吗？', '孕妇能用吗', 'ok for sensitive skin?']],
  ['price', '观众在问还有没有优惠券 · Viewers ask for a coupon', ['有券吗', '能便宜点吗', 'any discount code?']],
  ['shipping', '发货时间问题集中：说明发货时间 · Say when it ships', ['什么时候发货', '包邮吗', 'ship to HK?']],
  ['size', '容量/规格问题：展示规格 · Show the size options', ['多少毫升', '有小样吗', 'travel size?']],
  ['shade', '色号问题：对比色号 · Compare the shades', ['黄皮选哪个色号', '#02 还是 #03', 'which shade for warm tone']],
];

export interface MarketingFixture {
  timeline: TimelineItem[];
  anomalies: Anomaly[];
  alerts: Alert[];
  prompts: Prompt[];
  segments: Segments;
  skuHeat: SkuHeat;
  skuRanking: SkuRanking;
  propensity: PropensityBucket[];
  coupons: Coupons;
}

const MIN = 60_000;

export function fixtureMarketing(o: { minutes: number; binMs: number; concurrent: number[]; rng: () => number; xss: boolean }): MarketingFixture {
  const { minutes, rng } = o;
  const timeline: TimelineItem[] = [{ kind: 'segment', startMs: 0, endMs: 5 * MIN, label: '开场 Opening' }];
  const segLen = 15;
  for (let s = 0, t = 5; t < minutes; s++, t += segLen) {
    const sku = SKUS[s % SKUS.length]!;
    const end = Math.min(minutes, t + segLen);
    timeline.push({ kind: 'segment', startMs: t * MIN, endMs: end * MIN, label: sku[1].split(' ')[0]!, sku: sku[0] });
    timeline.push({ kind: 'pitch', startMs: (t + 1) * MIN, endMs: (t + 4) * MIN, label: sku[1], sku: sku[0], ...(s === 3 ? { scripted: 'sku-09' } : {}) });
  }
  timeline.push({ kind: 'flashSale', startMs: 45 * MIN, endMs: 50 * MIN, label: '秒杀 Flash sale: lipstick ¥59', sku: 'sku-04' });
  timeline.push({ kind: 'flashSale', startMs: 95 * MIN, endMs: 100 * MIN, label: '秒杀 Flash sale: gift box', sku: 'sku-07' });
  timeline.push({ kind: 'qa', startMs: 60 * MIN, endMs: 65 * MIN, label: 'Q&A 答疑' });

  const anomalies: Anomaly[] = [
    { id: 'a1', kind: 'bounce-burst', startMs: 30 * MIN, endMs: 33 * MIN, label: 'ad-buy burst that bounces', detectedAtMs: 30 * MIN + 41_000 },
    { id: 'a2', kind: 'payment-outage', startMs: 75 * MIN, endMs: 80 * MIN, label: 'payment provider outage', detectedAtMs: 76 * MIN + 7_000 },
  ];
  const alerts: Alert[] = [
    { atMs: 30 * MIN + 41_000, kind: 'bounce-burst', detector: 'cusum', message: 'arrivals leaving within 30 s ×4.2', anomalyId: 'a1' },
    { atMs: 76 * MIN + 7_000, kind: 'conversion-drop', detector: 'page-hinkley', message: 'paid/checked-out fell to 0', anomalyId: 'a2' },
    { atMs: 52 * MIN + 30_000, kind: 'conversion-drop', detector: 'ewma', message: 'add-to-cart rate dip', anomalyId: null },
  ];

  const prompts: Prompt[] = [];
  for (let m = 3; m < minutes; m += 3) {
    const [intent, text, examples] = PROMPTS[Math.floor(rng() * PROMPTS.length)]!;
    prompts.push({ atMs: m * MIN + Math.round(rng() * 50_000), intent, text, latencyMs: Math.round(40 + rng() * 120), comments: 8 + Math.round(rng() * 60), examples: [...examples] });
  }
  if (o.xss) {
    prompts[0] = { ...prompts[0]!, comments: 99, text: `<script>window.__pwned=1</script> 这个<b>好用</b>吗`, examples: ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=2">', '</textarea><svg onload=alert(1)>'] };
  }

  const names = ['护肤 skincare', '彩妆 makeup', '香水 fragrance', '折扣 bargain', '随便看看 browsing'];
  const sizes = names.map((_, s) =>
    o.concurrent.map((c, m) => {
      const drift = s === 0 ? 0.35 - m / minutes / 5 : s === 1 ? 0.2 + (m / minutes) * 0.2 : s === 2 ? (m >= 90 ? 0.2 : 0.08) : s === 3 ? (m >= 45 && m < 50 ? 0.3 : 0.12) : 0.25;
      return Math.round(c * drift);
    }),
  );
  const transitions = names.map((_, i) => names.map((__, j) => (i === j ? 0 : Math.round(50 + rng() * 400 * (j === 1 ? 2 : 1)))));

  const heatBin = MIN; // per minute, as the runtime records it
  const heatBins = Math.ceil((minutes * MIN) / heatBin);
  const skus = SKUS.map(([id, name, category], i) => ({ id, name: o.xss && i === 0 ? `${name} <img src=x onerror="window.__pwned=3">` : name, category }));
  const heat = SKUS.map(([id]) =>
    Array.from({ length: heatBins }, (_, b) => {
      const pitched = timeline.some((t) => t.sku === id && t.kind !== 'flashSale' && t.startMs <= b * heatBin && b * heatBin < t.endMs);
      const flash = timeline.some((t) => t.sku === id && t.kind === 'flashSale' && t.startMs <= b * heatBin && b * heatBin < t.endMs);
      return +((pitched ? 0.6 : 0.08) + (flash ? 0.35 : 0) + 0.1 * rng()).toFixed(3);
    }),
  );

  const propensity: PropensityBucket[] = ['p0–20', 'p20–40', 'p40–60', 'p60–80', 'p80–100'].map((label, i) => {
    const viewers = 2000;
    const buyers = Math.round(viewers * [0.008, 0.02, 0.04, 0.07, 0.11][i]!);
    const orders = Math.round(buyers * 1.15);
    const aov = [128, 176, 239, 318, 455][i]!;
    return { label, viewers, buyers, orders, gmv: orders * aov, aov };
  });

  const issuedSeries = o.concurrent.map((c) => Math.round(c * 0.004));
  const redeemedSeries = issuedSeries.map((x, m) => (m < 2 ? 0 : Math.round(issuedSeries[m - 2]! * 0.31)));
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const coupons: Coupons = {
    issued: total(issuedSeries),
    redeemed: total(redeemedSeries),
    bySegment: names.map((segment, i) => {
      const issued = Math.round((total(issuedSeries) * [0.3, 0.25, 0.1, 0.25, 0.1][i]!));
      return { segment, issued, redeemed: Math.round(issued * [0.36, 0.3, 0.42, 0.28, 0.12][i]!) };
    }),
    issuedSeries,
    redeemedSeries,
  };
  const skuRanking: SkuRanking = skus
    .map((s, i) => ({ sku: s.id, name: s.name, score: +(heat[i]!.at(-1)! + heat[i]!.reduce((a, b) => a + b, 0) / heatBins).toFixed(3), mentions: Math.round(40 + rng() * 300), dwellSec: +(5 + rng() * 40).toFixed(1), views: Math.round(200 + rng() * 2000), carts: Math.round(10 + rng() * 150) }))
    .sort((a, b) => b.score - a.score);
  return { timeline, anomalies, alerts, prompts, segments: { names, sizes, transitions }, skuHeat: { binMs: heatBin, skus, heat }, skuRanking, propensity, coupons };
}
