// Stack-internal control: coupons issued by the marketing engine or a scenario, payment outages and
// restocks injected by scenarios, and the end of the show. Bad control input is a bug in the caller
// (scenarios are validated before a run), so it throws with the field, the value and the expectation.
import type { Addressed, ControlMsg, ViewerDown } from '../protocol.ts';
import { issueCoupon } from './coupons/index.ts';
import { endFlashSale } from './flash-sale/index.ts';
import { restock } from './inventory/index.ts';
import { toYuan } from './money.ts';
import type { CommerceState } from './state.ts';
import { flushSocialProof } from './time.ts';

type Out = Addressed<ViewerDown>;

export function handleControl(state: CommerceState, m: ControlMsg, now: number): Out[] {
  switch (m.type) {
    case 'coupon.issue': {
      const c = issueCoupon(state.coupons, m, now, state.ids, (sku) => state.skus.has(sku));
      state.counters.couponsIssued++;
      const msg: ViewerDown = {
        type: 'coupon.offered',
        couponId: c.id,
        ...(c.sku === undefined ? {} : { sku: c.sku }),
        discount: toYuan(c.discountFen),
        minSpend: toYuan(c.minSpendFen),
        expiresAt: c.expiresAt,
      };
      return [{ to: c.to, msg }];
    }
    case 'payment.outage':
      if (state.outageOn !== m.active) state.counters.outageToggles++;
      state.outageOn = m.active;
      return [];
    case 'stock.restock':
      restock(state.inventory, m.sku, m.qty);
      return [];
    case 'show.ended': {
      if (state.ended) return [];
      state.ended = true;
      const out: Out[] = [];
      for (const sale of [...state.flash.active.values()]) {
        endFlashSale(state.flash, sale, now, 'show-ended');
        out.push({ to: 'all', msg: { type: 'flashsale.ended', sku: sale.sku } });
      }
      out.push(...flushSocialProof(state));
      return out;
    }
  }
}
