// Chart builders: pure functions from typed result data to Vega-Lite specs, one chart per file.
export { alertsChart } from './alerts.ts';
export { audienceChart } from './audience.ts';
export { couponsChart } from './coupons.ts';
export { commentsChart, intentsChart } from './danmaku.ts';
export { forestChart, forestRows } from './forest.ts';
export { conversionChart, FUNNEL_STAGES, funnelSeriesChart, funnelTotalsChart, logTicks } from './funnel.ts';
export { latencyChart } from './latency.ts';
export { networkQoeChart } from './network-qoe.ts';
export { overlayChart } from './overlay.ts';
export { promptsChart } from './prompts.ts';
export { propensityChart } from './propensity.ts';
export { qoeWatchChart } from './qoe-watch.ts';
export { segmentSizesChart } from './segments.ts';
export { skuHeatChart } from './sku-heat.ts';
export { startupCdfChart } from './startup-cdf.ts';
export { survivalChart } from './survival.ts';
export { THEME, type Spec } from './theme.ts';
export { transitionMatrixChart } from './transitions.ts';
