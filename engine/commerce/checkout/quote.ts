// Prices a cart at `now`: each line at the live price, except the units a running flash sale still has,
// which go at the flash price. Fails if any line wants more units than are available.
import type { Cart } from '../cart/index.ts';
import { liveFlashSale } from '../flash-sale/index.ts';
import { availableOf } from '../inventory/index.ts';
import type { Fen } from '../money.ts';
import type { OrderLine } from '../orders/index.ts';
import type { CommerceState } from '../state.ts';

export type Quote = { ok: true; lines: OrderLine[]; subtotalFen: Fen } | { ok: false; detail: string };

export function quoteCart(state: CommerceState, cart: Cart, now: number): Quote {
  const lines: OrderLine[] = [];
  let subtotalFen = 0;
  for (const [sku, qty] of cart) {
    const entry = state.skus.get(sku)!;
    const available = availableOf(state.inventory, sku);
    if (qty > available) return { ok: false, detail: `${sku}: ${qty} wanted, ${available} left` };
    const sale = liveFlashSale(state.flash, sku, now);
    const flashUnits = sale ? Math.min(qty, sale.left) : 0;
    const flashUnitFen = sale ? sale.priceFen : 0;
    const lineFen = flashUnits * flashUnitFen + (qty - flashUnits) * entry.priceFen;
    lines.push({ sku, qty, unitFen: entry.priceFen, flashUnits, flashUnitFen, lineFen, costFen: qty * entry.costFen, returnedAt: undefined, refundFen: 0 });
    subtotalFen += lineFen;
  }
  return { ok: true, lines, subtotalFen };
}
