// What happens as virtual time passes with no message: flash sales run out of time, and the purchases
// of the last few seconds are announced as social proof.
import type { Addressed, ViewerDown } from '../protocol.ts';
import { dueFlashSales, endFlashSale, nextFlashEnd } from './flash-sale/index.ts';
import type { CommerceState } from './state.ts';

type Out = Addressed<ViewerDown>;

export function flushSocialProof(state: CommerceState): Out[] {
  const out: Out[] = [];
  for (const [sku, count] of state.social.pending) out.push({ to: 'all', msg: { type: 'social.purchase', sku, count } });
  state.social.pending.clear();
  state.social.nextAt = undefined;
  return out;
}

export function timePasses(state: CommerceState, now: number): Out[] {
  const out: Out[] = [];
  for (const sale of dueFlashSales(state.flash, now)) {
    endFlashSale(state.flash, sale, sale.endsAt, 'time');
    out.push({ to: 'all', msg: { type: 'flashsale.ended', sku: sale.sku } });
  }
  if (state.social.nextAt !== undefined && state.social.nextAt <= now) out.push(...flushSocialProof(state));
  return out;
}

/** When commerce next has something to send on its own (undefined: nothing pending). */
export function nextDueAt(state: CommerceState): number | undefined {
  const a = nextFlashEnd(state.flash);
  const b = state.social.nextAt;
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}
