export { checkout } from './checkout.ts';
export { quoteCart, type Quote } from './quote.ts';
