// SKU heat: danmaku mentions, card dwell and add-to-cart rate → a decayed ranking for the host.
export { SkuHeat, type HeatParams, type HeatEntry } from './sku-heat.ts';
export { Pairing } from './pairing.ts';
