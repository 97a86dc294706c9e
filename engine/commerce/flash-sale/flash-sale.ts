// Flash sales: a SKU at a flash price for a limited time (the countdown viewers see is `endsAt`) and a
// limited number of units, carved from the SKU's available stock. Units beyond the flash stock sell at the
// live price. A sale ends at its time or when its units are gone, whichever comes first.
import type { Fen } from '../money.ts';

export interface FlashSale {
  readonly sku: string;
  readonly priceFen: Fen;
  /** units offered at the flash price */
  readonly stock: number;
  left: number;
  readonly startedAt: number;
  readonly endsAt: number;
  endedAt: number | undefined;
  endReason: 'time' | 'sold-out' | 'show-ended' | undefined;
}

export interface FlashSales {
  /** running sales by SKU */
  readonly active: Map<string, FlashSale>;
  /** every sale ever started, in start order */
  readonly all: FlashSale[];
}

export function createFlashSales(): FlashSales {
  return { active: new Map(), all: [] };
}

/** Starts a sale, or says why it cannot start. Flash stock is capped by what is available. */
export function startFlashSale(
  fs: FlashSales,
  sku: string,
  priceFen: Fen,
  requested: number,
  durationMs: number,
  available: number,
  now: number,
): FlashSale | string {
  if (fs.active.has(sku)) return `a flash sale of ${sku} is already running`;
  if (!(Number.isSafeInteger(priceFen) && priceFen > 0)) return `flash price must be positive, got ${priceFen / 100}`;
  if (!(Number.isSafeInteger(requested) && requested > 0)) return `flash stock must be a positive integer, got ${requested}`;
  if (!(Number.isFinite(durationMs) && durationMs > 0)) return `duration must be positive, got ${durationMs}`;
  if (available <= 0) return `${sku} is out of stock`;
  const stock = Math.min(requested, available);
  const sale: FlashSale = { sku, priceFen, stock, left: stock, startedAt: now, endsAt: now + durationMs, endedAt: undefined, endReason: undefined };
  fs.active.set(sku, sale);
  fs.all.push(sale);
  return sale;
}

/** The running sale of a SKU at `now` with units left, if any. */
export function liveFlashSale(fs: FlashSales, sku: string, now: number): FlashSale | undefined {
  const s = fs.active.get(sku);
  return s && now < s.endsAt && s.left > 0 ? s : undefined;
}

export function endFlashSale(fs: FlashSales, sale: FlashSale, now: number, reason: NonNullable<FlashSale['endReason']>): void {
  sale.endedAt = now;
  sale.endReason = reason;
  fs.active.delete(sale.sku);
}

/** Sales whose time is up by `now`, in (endsAt, start order). */
export function dueFlashSales(fs: FlashSales, now: number): FlashSale[] {
  const due: FlashSale[] = [];
  for (const s of fs.active.values()) if (s.endsAt <= now) due.push(s);
  return due.sort((a, b) => a.endsAt - b.endsAt || fs.all.indexOf(a) - fs.all.indexOf(b));
}

export function nextFlashEnd(fs: FlashSales): number | undefined {
  let t: number | undefined;
  for (const s of fs.active.values()) if (t === undefined || s.endsAt < t) t = s.endsAt;
  return t;
}
