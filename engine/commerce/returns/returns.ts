// Returns after the show. The agents' return model decides who returns what; commerce checks the request
// against the order, records it and refunds the line's share of what was paid. Returned units do not go
// back to stock (they come back after the show), so "sold" never shrinks.
import type { CommerceState } from '../state.ts';

/**
 * Women's apparel live-stream return rate 30–60 % (trade press, CALIBRATION.md §2): the range a return
 * model's apparel rate should fall in; exported for calibration tests.
 */
export const APPAREL_RETURN_RATE_RANGE = [0.3, 0.6] as const;

/** Applies a return of one order line; returns why it was refused, or undefined when it was recorded. */
export function applyReturn(state: CommerceState, viewer: number, orderId: string, sku: string, now: number): string | undefined {
  const order = state.orders.byId.get(orderId);
  if (!order) return 'unknown-order';
  if (order.viewer !== viewer) return 'not-the-buyer';
  const line = order.lines.find((l) => l.sku === sku);
  if (!line) return 'sku-not-in-order';
  if (line.returnedAt !== undefined) return 'already-returned';
  line.returnedAt = now;
  state.counters.returnedLines++;
  state.counters.refundFen += line.refundFen;
  state.skus.get(sku)!.returnedUnits += line.qty;
  return undefined;
}
