// Promotion timing: time-of-day aware countdown length and SKU placement.
export { promoTiming, dayPartAt, type PromoParams, type PromoPlan, type DayPart } from './promo-timing.ts';
