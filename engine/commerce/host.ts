// The host's commerce actions: put a SKU on stage, pitch it (price and stock to every viewer), start a
// flash sale. Each becomes one broadcast.
import type { Addressed, HostUp, ViewerDown } from '../protocol.ts';
import { liveFlashSale, startFlashSale } from './flash-sale/index.ts';
import { availableOf } from './inventory/index.ts';
import { toFen, toYuan } from './money.ts';
import { ignore, type CommerceState } from './state.ts';

type Out = Addressed<ViewerDown>;

export function handleHost(state: CommerceState, m: HostUp, now: number): Out[] {
  if (m.type === 'host.answer') return [];
  const entry = state.skus.get(m.sku);
  if (!entry) return ignore(state, `${m.type}:unknown-sku`);
  const { sku } = entry;
  switch (m.type) {
    case 'host.segment':
      return [{ to: 'all', msg: { type: 'show.segment', sku: sku.id, category: sku.category } }];
    case 'host.pitch': {
      entry.pitches++;
      const sale = liveFlashSale(state.flash, sku.id, now);
      const price = toYuan(sale ? sale.priceFen : entry.priceFen);
      const stockLeft = availableOf(state.inventory, sku.id);
      return [{ to: 'all', msg: { type: 'product.pitched', sku: sku.id, category: sku.category, price, listPrice: sku.listPrice, stockLeft } }];
    }
    case 'host.flashsale': {
      const sale = startFlashSale(state.flash, sku.id, toFen(m.price), m.stock, m.durationMs, availableOf(state.inventory, sku.id), now);
      if (typeof sale === 'string') return ignore(state, 'host.flashsale:refused');
      state.counters.flashSalesStarted++;
      return [{ to: 'all', msg: { type: 'flashsale.started', sku: sku.id, price: toYuan(sale.priceFen), stock: sale.stock, endsAt: sale.endsAt } }];
    }
  }
}
