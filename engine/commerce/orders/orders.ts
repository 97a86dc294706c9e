// Orders and their idempotency keys. A key maps to exactly one order, forever: a retried checkout with
// the same key finds the order it already made instead of making a second one.
import type { Fen } from '../money.ts';

export interface OrderLine {
  readonly sku: string;
  readonly qty: number;
  /** live price per unit */
  readonly unitFen: Fen;
  /** units of the line sold at the flash price */
  readonly flashUnits: number;
  readonly flashUnitFen: Fen;
  /** flashUnits·flashUnitFen + (qty − flashUnits)·unitFen, before the coupon */
  readonly lineFen: Fen;
  readonly costFen: Fen;
  returnedAt: number | undefined;
  /** the line's share of what the buyer paid, refunded on return */
  refundFen: Fen;
}

export interface Order {
  readonly id: string;
  readonly viewer: number;
  readonly idempotencyKey: string;
  readonly at: number;
  readonly lines: readonly OrderLine[];
  readonly subtotalFen: Fen;
  readonly discountFen: Fen;
  /** what the buyer paid: subtotal − discount; GMV is the sum of these */
  readonly totalFen: Fen;
  readonly couponId: string | undefined;
}

export interface OrderBook {
  readonly byId: Map<string, Order>;
  /** idempotency key → order id */
  readonly byKey: Map<string, string>;
  /** in placement order */
  readonly list: Order[];
}

export function createOrderBook(): OrderBook {
  return { byId: new Map(), byKey: new Map(), list: [] };
}

export function orderForKey(book: OrderBook, key: string): Order | undefined {
  const id = book.byKey.get(key);
  return id === undefined ? undefined : book.byId.get(id);
}

export function recordOrder(book: OrderBook, order: Order): void {
  if (book.byKey.has(order.idempotencyKey) || book.byId.has(order.id)) {
    throw new Error(`orders: key ${order.idempotencyKey} or id ${order.id} already has an order; a key makes one order only`);
  }
  book.byId.set(order.id, order);
  book.byKey.set(order.idempotencyKey, order.id);
  book.list.push(order);
}

/** The distinct SKUs of an order, in line order. */
export function orderSkus(order: Order): string[] {
  return order.lines.map((l) => l.sku);
}
