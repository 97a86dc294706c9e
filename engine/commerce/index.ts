// The commerce service: catalog, inventory that never oversells, carts, idempotent checkout and orders,
// coupons, flash sales, payment-outage injection, returns, and the metrics. The only door into engine/commerce.
export { createCommerceState, paymentDown, type CommerceState, type SkuEntry, type RejectReason } from './state.ts';
export { COMMERCE_DEFAULTS, resolveCommerceConfig, type CommerceConfig } from './config.ts';
export { handle, advance, type CommerceInput, type CommerceOutbound } from './commerce.ts';
export { nextDueAt } from './time.ts';
export { summary, conversionRate, type CommerceSummary, type SkuSales } from './summary.ts';
export { APPAREL_RETURN_RATE_RANGE } from './returns/index.ts';
export type { Order, OrderLine } from './orders/index.ts';
export type { Coupon } from './coupons/index.ts';
export type { FlashSale } from './flash-sale/index.ts';
export { toFen, toYuan } from './money.ts';
export * from './catalog/index.ts';
