// Stock per SKU. The one rule: units are only taken when that many are available, so stock never goes
// below zero and units sold never exceed initial stock plus restocks. `take` enforces it by throwing,
// so a caller that forgot to check fails loudly instead of overselling.

export interface StockLine {
  readonly initial: number;
  restocked: number;
  sold: number;
  /** initial + restocked − sold */
  available: number;
}

export type Inventory = Map<string, StockLine>;

export function createInventory(initial: Iterable<readonly [sku: string, units: number]>): Inventory {
  const inv: Inventory = new Map();
  for (const [sku, units] of initial) inv.set(sku, { initial: units, restocked: 0, sold: 0, available: units });
  return inv;
}

export function availableOf(inv: Inventory, sku: string): number {
  return inv.get(sku)?.available ?? 0;
}

/** Takes `qty` units of a SKU; throws if that would oversell (callers check `availableOf` first). */
export function take(inv: Inventory, sku: string, qty: number): void {
  const line = inv.get(sku);
  if (!line || !(Number.isSafeInteger(qty) && qty > 0 && qty <= line.available)) {
    throw new RangeError(`inventory.take: ${sku}: expected 1..${line?.available ?? 0} units, got ${qty}`);
  }
  line.available -= qty;
  line.sold += qty;
}

export function restock(inv: Inventory, sku: string, qty: number): void {
  const line = inv.get(sku);
  if (!line) throw new RangeError(`inventory.restock: sku: expected a SKU of the catalog, got ${JSON.stringify(sku)}`);
  if (!(Number.isSafeInteger(qty) && qty > 0)) throw new RangeError(`inventory.restock: ${sku}: qty: expected a positive integer, got ${qty}`);
  line.restocked += qty;
  line.available += qty;
}
