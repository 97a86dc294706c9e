// Coupons: a fixed amount off an order, targeted at one viewer or open to all, with a minimum spend, an
// optional SKU (the cart must hold it), an expiry, and single use: a viewer redeems a coupon at most once,
// and an open coupon at most `limit` times in total.
import type { IdAllocator } from '../../kernel/index.ts';
import type { ControlMsg } from '../../protocol.ts';
import { toFen, type Fen } from '../money.ts';

export interface Coupon {
  readonly id: string;
  readonly to: number | 'all';
  readonly sku: string | undefined;
  readonly discountFen: Fen;
  readonly minSpendFen: Fen;
  readonly issuedAt: number;
  /** usable while now < expiresAt */
  readonly expiresAt: number;
  readonly limit: number;
  readonly redeemedBy: Set<number>;
  readonly claimedBy: Set<number>;
}

export type CouponBook = Map<string, Coupon>;
type Issue = Extract<ControlMsg, { type: 'coupon.issue' }>;

/** Creates a coupon from a control message; bad fields are a programming or scenario error, so it throws. */
export function issueCoupon(book: CouponBook, msg: Issue, now: number, ids: IdAllocator, hasSku: (sku: string) => boolean): Coupon {
  const bad = (field: string, expected: string, value: unknown): never => {
    throw new RangeError(`coupon.issue: ${field}: expected ${expected}, got ${JSON.stringify(value)}`);
  };
  if (!(Number.isFinite(msg.discount) && msg.discount > 0)) bad('discount', 'a positive amount in yuan', msg.discount);
  if (!(Number.isFinite(msg.minSpend) && msg.minSpend >= 0)) bad('minSpend', 'an amount ≥ 0', msg.minSpend);
  if (!(Number.isFinite(msg.ttlMs) && msg.ttlMs > 0)) bad('ttlMs', 'a positive duration', msg.ttlMs);
  if (msg.sku !== undefined && !hasSku(msg.sku)) bad('sku', 'a SKU of the catalog', msg.sku);
  if (msg.limit !== undefined && !(Number.isSafeInteger(msg.limit) && msg.limit > 0)) bad('limit', 'a positive integer', msg.limit);
  if (msg.to !== 'all' && !Number.isSafeInteger(msg.to)) bad('to', "a viewer id or 'all'", msg.to);
  const coupon: Coupon = {
    id: ids.nextLabel('coupon', 'cpn'),
    to: msg.to,
    sku: msg.sku,
    discountFen: toFen(msg.discount),
    minSpendFen: toFen(msg.minSpend),
    issuedAt: now,
    expiresAt: now + msg.ttlMs,
    limit: msg.to === 'all' ? (msg.limit ?? Number.MAX_SAFE_INTEGER) : 1,
    redeemedBy: new Set(),
    claimedBy: new Set(),
  };
  book.set(coupon.id, coupon);
  return coupon;
}

/** Why the coupon cannot be used on this order, or undefined if it can. */
export function couponProblem(c: Coupon | undefined, viewer: number, skus: Iterable<string>, subtotalFen: Fen, now: number): string | undefined {
  if (!c) return 'unknown coupon';
  if (c.to !== 'all' && c.to !== viewer) return `coupon ${c.id} is for another viewer`;
  if (now >= c.expiresAt) return `coupon ${c.id} expired at ${c.expiresAt}`;
  if (c.redeemedBy.has(viewer)) return `coupon ${c.id} already used`;
  if (c.redeemedBy.size >= c.limit) return `coupon ${c.id} has no uses left`;
  if (c.sku !== undefined && ![...skus].includes(c.sku)) return `coupon ${c.id} needs ${c.sku} in the cart`;
  if (subtotalFen < c.minSpendFen) return `coupon ${c.id} needs a spend of ${c.minSpendFen / 100}`;
  return undefined;
}

export function redeemCoupon(c: Coupon, viewer: number): void {
  c.redeemedBy.add(viewer);
}

/** A viewer keeps an open coupon (or their own); false if it is not theirs to claim or has expired. */
export function claimCoupon(c: Coupon | undefined, viewer: number, now: number): boolean {
  if (!c || (c.to !== 'all' && c.to !== viewer) || now >= c.expiresAt) return false;
  c.claimedBy.add(viewer);
  return true;
}
