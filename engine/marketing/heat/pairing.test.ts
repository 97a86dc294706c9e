// Heat pairing: a viewer who carts an item gets the card of the hottest SKU that goes with it, once per
// gap, only when heat and pairing are on and something in the catalog goes with the item.
import { describe, expect, it } from 'vitest';
import { withTools } from '../../strategies/strategy.ts';
import type { CatalogInfo } from '../core/catalog.ts';
import { cart, drive, join, say, type Timed } from '../fixtures.ts';
import { createMarketingEngine } from '../state.ts';

const APPAREL: CatalogInfo = {
  skus: [
    { sku: 'top-1', name: 'Linen Shirt', category: 'top', parentCategory: 'apparel', price: 99, margin: 0.5 },
    { sku: 'top-2', name: 'Silk Blouse', category: 'top', parentCategory: 'apparel', price: 139, margin: 0.5 },
    { sku: 'pants-1', name: 'Wide Pants', category: 'pants', parentCategory: 'apparel', price: 169, margin: 0.5 },
    { sku: 'pants-2', name: 'Cigarette Trousers', category: 'pants', parentCategory: 'apparel', price: 189, margin: 0.5 },
    { sku: 'dress-1', name: 'Tea Dress', category: 'dress', parentCategory: 'apparel', price: 259, margin: 0.5 },
  ],
};

const engine = (over = {}) => createMarketingEngine(withTools(['heat'], over), APPAREL);
const cards = (out: ReturnType<typeof drive>) => out.flatMap((o) => (typeof o.to === 'number' && o.msg.type === 'product.card' ? [{ to: o.to, sku: o.msg.sku, reason: o.msg.reason, t: o.t }] : []));

/** the room talks about the cigarette trousers; viewer 1 carts a top, then another within the minute */
function show(): Timed[] {
  return [join(0, 1), join(0, 2), say(1_000, 2, 'Cigarette Trousers 好看'), say(1_500, 2, 'Cigarette Trousers 有M码吗'), cart(5_000, 1, 'top-1'), cart(20_000, 1, 'top-2'), cart(90_000, 1, 'top-2')];
}

describe('heat pairing', () => {
  it('sends the carting viewer the hottest SKU that goes with the item, at the next tick, once per gap', () => {
    const out = cards(drive(engine(), show(), 100_000));
    expect(out).toEqual([
      { to: 1, sku: 'pants-2', reason: 'heat', t: 5_100 },
      { to: 1, sku: 'pants-2', reason: 'heat', t: 90_100 },
    ]);
  });

  it('sends nothing for an item nothing in the catalog goes with (a dress without coats)', () => {
    expect(cards(drive(engine(), [join(0, 1), cart(5_000, 1, 'dress-1')], 10_000))).toEqual([]);
  });

  it('sends nothing with pairing or heat switched off', () => {
    expect(cards(drive(engine({ heat: { pairCards: false } }), show(), 100_000))).toEqual([]);
    expect(cards(drive(createMarketingEngine(withTools([]), APPAREL), show(), 100_000))).toEqual([]);
  });
});
