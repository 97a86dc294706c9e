export { applyReturn, APPAREL_RETURN_RATE_RANGE } from './returns.ts';
