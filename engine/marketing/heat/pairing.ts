// Heat pairing: when a viewer adds an item to the cart, the engine sends them the card of the hottest
// SKU that goes with it (engine/commerce/catalog/goes-with.ts: a top → pants, a coat → a dress…), while
// the cart is still open. This is how SKU heat reaches cross-sell (the seed article's apparel case: the
// room's heat says which of the matching items to show, the cart says to whom). At most one pairing
// card per viewer per gap, and none when nothing in the catalog goes with the carted SKU.
import { goesWith } from '../../commerce/catalog/goes-with.ts';
import type { ViewerDown } from '../../protocol.ts';
import type { CatalogIndex } from '../core/catalog.ts';
import type { Column, ViewerSlots } from '../core/columns.ts';

export class Pairing {
  /** per catalog category: the categories that go with it */
  readonly partners: readonly (readonly number[])[];
  readonly lastAt: Column<Float64Array>;
  sent = 0;

  constructor(
    private readonly catalog: CatalogIndex,
    slots: ViewerSlots,
    private readonly gapMs: number,
  ) {
    const dotted = catalog.categories.map((c, k) => {
      const i = catalog.skusByCategory[k]![0];
      const parent = i === undefined ? undefined : catalog.skus[i]!.parentCategory;
      return parent === undefined ? c : `${parent}.${c}`;
    });
    this.partners = dotted.map((a, k) => dotted.flatMap((b, j) => (j !== k && goesWith(a, b) ? [j] : [])));
    this.lastAt = slots.column((n) => new Float64Array(n), -Infinity);
  }

  /** The pairing card for a viewer (slot) who just carted SKU i, or undefined. `heat(k)`: SKU k's score now. */
  card(slot: number, i: number, now: number, heat: (k: number) => number): ViewerDown | undefined {
    const partners = this.partners[this.catalog.categoryOfSku[i]!] ?? [];
    if (partners.length === 0 || now - this.lastAt.a[slot]! < this.gapMs) return undefined;
    let best = -1;
    let bestHeat = -Infinity;
    for (const c of partners) {
      for (const k of this.catalog.skusByCategory[c]!) {
        const h = heat(k);
        if (h > bestHeat) [best, bestHeat] = [k, h];
      }
    }
    if (best < 0) return undefined;
    this.lastAt.a[slot] = now;
    this.sent++;
    const s = this.catalog.skus[best]!;
    return s.parentCategory === undefined
      ? { type: 'product.card', sku: s.sku, category: s.category, price: s.price, reason: 'heat' }
      : { type: 'product.card', sku: s.sku, category: s.parentCategory, subcategory: s.category, price: s.price, reason: 'heat' };
  }
}
