// Per-viewer state as typed-array columns indexed by a dense slot, so 100k viewers cost a few MB and no
// per-viewer objects. Viewer ids map to slots in first-seen order (input order, hence deterministic).
export type NumericArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Int8Array | Uint8Array;

/** One column: read `a` again after any `slotOf` call, because growing replaces the array. */
export interface Column<A extends NumericArray> {
  a: A;
}

interface AnyColumn {
  a: NumericArray;
  readonly width: number;
  readonly fill: number;
  readonly make: (n: number) => NumericArray;
}

export class ViewerSlots {
  private readonly slots = new Map<number, number>();
  private readonly columns: AnyColumn[] = [];
  private capacity: number;
  /** viewer id of each slot */
  ids: Float64Array;

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    this.ids = new Float64Array(this.capacity);
  }

  get size(): number {
    return this.slots.size;
  }

  /** The slot of a viewer, or -1 if never seen. */
  find(viewer: number): number {
    return this.slots.get(viewer) ?? -1;
  }

  /** The slot of a viewer, allocating the next one on first sight. */
  slotOf(viewer: number): number {
    let s = this.slots.get(viewer);
    if (s === undefined) {
      s = this.slots.size;
      if (s >= this.capacity) this.grow(this.capacity * 2);
      this.slots.set(viewer, s);
      this.ids[s] = viewer;
    }
    return s;
  }

  /**
   * Registers a column of `width` numbers per slot, filled with `fill`. The `make` function builds an
   * array of the right type (e.g. `(n) => new Float32Array(n)`).
   */
  column<A extends NumericArray>(make: (n: number) => A, fill = 0, width = 1): Column<A> {
    const a = make(this.capacity * width);
    if (fill !== 0) a.fill(fill);
    const col: AnyColumn = { a, width, fill, make };
    this.columns.push(col);
    return col as unknown as Column<A>;
  }

  private grow(capacity: number): void {
    const ids = new Float64Array(capacity);
    ids.set(this.ids);
    this.ids = ids;
    for (const col of this.columns) {
      const next = col.make(capacity * col.width);
      if (col.fill !== 0) next.fill(col.fill);
      next.set(col.a as never);
      col.a = next;
    }
    this.capacity = capacity;
  }
}
