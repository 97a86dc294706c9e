// The real-time precision-marketing engine: cleaning, viewer profiles, real-time segments and targeting,
// comment intents → host prompts, per-second funnel with anomaly alerts, SKU heat, spending propensity,
// promotion timing. The runtime calls:
//   createMarketingEngine(config, catalog, options?) → state
//   ingest(state, viewerUp, t) / ingestHost(state, hostUp, t) / observe(state, viewer, viewerDown, t)
//   tick(state, epochEnd) → outbound (host prompts, targeted cards and coupons), stamped epochEnd
//   advise(state, t, script?) → pitch order, countdown, focus SKU;  summary(state, groundTruth?) → metrics
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
export { orderPitches, propensityIndex, PROPENSITY_BUCKETS, type PropensityBucket } from './propensity/index.ts';
export { promoTiming, dayPartAt, type PromoPlan, type DayPart } from './promo/index.ts';
export type { HeatEntry } from './heat/index.ts';
