// Carts: per viewer, SKU → quantity, in the order lines were first added. Carts reserve nothing: stock
// is checked and taken at checkout, as on real platforms, so an abandoned cart never locks units.

export type Cart = Map<string, number>;
export type Carts = Map<number, Cart>;

/** Adds qty of a SKU (quantities of one line add up, capped at maxQty); returns the line's new quantity. */
export function addToCart(carts: Carts, viewer: number, sku: string, qty: number, maxQty: number): number {
  let cart = carts.get(viewer);
  if (!cart) {
    cart = new Map();
    carts.set(viewer, cart);
  }
  const q = Math.min(maxQty, (cart.get(sku) ?? 0) + qty);
  cart.set(sku, q);
  return q;
}

/** Removes a SKU's line; false if it was not in the cart. */
export function removeFromCart(carts: Carts, viewer: number, sku: string): boolean {
  const cart = carts.get(viewer);
  if (!cart?.delete(sku)) return false;
  if (cart.size === 0) carts.delete(viewer);
  return true;
}

export function cartOf(carts: Carts, viewer: number): Cart | undefined {
  return carts.get(viewer);
}

export function clearCart(carts: Carts, viewer: number): void {
  carts.delete(viewer);
}
