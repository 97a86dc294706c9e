// The real-time precision-marketing engine: cleaning, viewer profiles, real-time segments and targeting,
// comment intents → host prompts, per-second funnel with anomaly alerts, SKU heat, spending propensity,
// promotion timing. The runtime calls, per run:
//   createMarketingEngine(config, catalog, options?) → state        (catalogInfoFromSkus maps commerce's)
//   per merged message, in (time, viewerId, seq) order, with its time t:
//     ingest(state, viewerUp, t) · ingestHost(state, hostUp, t) · observe(state, viewer, viewerDown, t)
//     (observe: order.confirmed / order.rejected from commerce; show.segment / product.pitched once each)
//   at each epoch end T: tick(state, T) → MarketingOutbound[] due at T:
//     { to: 'host', msg: host.prompt } · { to: viewerId, msg: product.card } · { to: 'commerce', msg: coupon.issue }
//   advise(state, t, script?) → next pitch order, countdown, focus SKU (from the tools that are on)
//   summary(state, groundTruth?) → the marketing metrics (prompts, latencies, segmentMoves, alerts scored…)
// Wall-clock cost is measured by the caller (bench/marketing.bench.ts), never in here.
export { createMarketingEngine, type MarketingState, type EngineOptions } from './state.ts';
export { ingest, ingestHost, observe } from './ingest.ts';
export { tick } from './tick.ts';
export { summary } from './summary.ts';
export { advise, type Advice } from './advice.ts';
export type { MarketingOutbound, MarketingSummary } from './types.ts';
export { DEFAULT_MARKETING_CONFIG, marketingConfig, allToolsOff, type MarketingConfig, type DeepPartial } from './config.ts';
export { checkMarketingConfig, assertMarketingConfig } from './config-check.ts';
export { indexCatalog, type CatalogInfo, type CatalogSku, type CatalogIndex } from './core/catalog.ts';
export { catalogInfoFromSkus, type CommerceLikeSku } from './core/catalog-adapter.ts';
export { LatencyRecorder, percentileOf, type Percentiles } from './core/latency.ts';
export { classifyComment, tokenize, warmSegmenter, type CommentAnalysis } from './text/index.ts';
export { DROP_REASONS, type DropReason } from './cleaning/index.ts';
export { ALERT_KINDS, scoreAlerts, type Alert, type AlertKind, type AnomalyInterval, type AlertScore } from './alerts/index.ts';
export { DETECTORS, DETECTOR_NAMES, createDetector, type Detector, type DetectorName } from './detectors/index.ts';
export { FUNNEL_STAGES, type FunnelStage } from './funnel/index.ts';
export { orderPitches, propensityIndex, viewerPropensity, viewerBucket, bucketOf, PROPENSITY_BUCKETS, type PropensityBucket } from './propensity/index.ts';
export { promoTiming, dayPartAt, type PromoPlan, type DayPart } from './promo/index.ts';
export type { HeatEntry } from './heat/index.ts';
