export { createOrderBook, orderForKey, recordOrder, orderSkus, type Order, type OrderLine, type OrderBook } from './orders.ts';
