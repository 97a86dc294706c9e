// Id allocators, one per run (never module-level counters, so two runs in one process agree).
// Branded ids keep a viewer id from being passed where a SKU id is expected.
export type Brand<T, B extends string> = T & { readonly __brand: B };
export type ViewerId = Brand<number, 'ViewerId'>;
export type SkuId = Brand<string, 'SkuId'>;
export type OrderId = Brand<string, 'OrderId'>;
export type CouponId = Brand<string, 'CouponId'>;

export class IdAllocator {
  private readonly counters = new Map<string, number>();

  /** the next integer of a namespace, from 0 */
  next(namespace: string): number {
    const n = this.counters.get(namespace) ?? 0;
    this.counters.set(namespace, n + 1);
    return n;
  }

  /** the next id of a namespace as `prefix-000123` (zero-padded so that ids sort like numbers) */
  nextLabel(namespace: string, prefix = namespace, width = 6): string {
    return `${prefix}-${String(this.next(namespace)).padStart(width, '0')}`;
  }

  peek(namespace: string): number {
    return this.counters.get(namespace) ?? 0;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counters].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}
