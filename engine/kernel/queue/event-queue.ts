// The kernel's event queue: a binary min-heap totally ordered by (time, seq), in typed arrays.
// seq is the global insertion counter, so equal times pop FIFO (heaps do not keep insertion order on
// ties by themselves). Payloads are plain numbers (kind, target, arg) plus an optional object, stored by
// slot, so the hot path allocates nothing and keeps no closures. Cancellation is real removal through a
// slot → heap-position index, and handles carry a generation so a stale handle can never cancel a reuse.

import { Sequence } from './sequence.ts';

const SLOT_BITS = 2 ** 26; // up to 67 M pending events
const NONE = -1;

export type EventHandle = number;

export class EventQueue<P = unknown> {
  size = 0;
  maxSize = 0;
  /** The popped event, valid after pop() returned true. */
  t = 0;
  seq = 0;
  kind = 0;
  target = 0;
  arg = 0;
  payload: P | null = null;

  readonly sequence: Sequence;
  // heap order
  private times: Float64Array;
  private seqs: Float64Array;
  private slots: Int32Array;
  // slot order
  private pos: Int32Array;
  private gens: Uint32Array;
  private kinds: Int32Array;
  private targets: Int32Array;
  private args: Float64Array;
  private payloads: (P | null)[];
  private freeSlots: Int32Array;
  private nFree = 0;
  private nSlots = 0;

  constructor(capacity = 1 << 12, sequence: Sequence = new Sequence()) {
    this.sequence = sequence;
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
    this.pos = new Int32Array(capacity);
    this.gens = new Uint32Array(capacity);
    this.kinds = new Int32Array(capacity);
    this.targets = new Int32Array(capacity);
    this.args = new Float64Array(capacity);
    this.payloads = new Array<P | null>(capacity).fill(null);
    this.freeSlots = new Int32Array(capacity);
  }

  push(t: number, kind: number, target = 0, arg = 0, payload: P | null = null, seq = this.sequence.n++): EventHandle {
    if (!(t === t)) throw new RangeError(`EventQueue.push: time must be a number, got ${t}`);
    if (this.size === this.times.length) this.grow();
    const slot = this.nFree > 0 ? this.freeSlots[--this.nFree]! : this.nSlots++;
    this.kinds[slot] = kind;
    this.targets[slot] = target;
    this.args[slot] = arg;
    this.payloads[slot] = payload;
    const i = this.size++;
    if (this.size > this.maxSize) this.maxSize = this.size;
    this.siftUp(i, t, seq, slot);
    return this.gens[slot]! * SLOT_BITS + slot;
  }

  /** Removes a pending event. Returns false if it already fired or was cancelled. */
  cancel(handle: EventHandle): boolean {
    const slot = handle % SLOT_BITS;
    const gen = (handle - slot) / SLOT_BITS;
    if (slot >= this.nSlots || this.gens[slot] !== gen) return false;
    const i = this.pos[slot]!;
    if (i === NONE) return false;
    this.release(slot);
    const last = --this.size;
    if (i !== last) {
      const t = this.times[last]!, s = this.seqs[last]!, sl = this.slots[last]!;
      // the moved entry may belong above or below the hole
      if (i > 0 && this.less(t, s, this.times[(i - 1) >> 1]!, this.seqs[(i - 1) >> 1]!)) this.siftUp(i, t, s, sl);
      else this.siftDown(i, t, s, sl);
    }
    return true;
  }

  isPending(handle: EventHandle): boolean {
    const slot = handle % SLOT_BITS;
    return slot < this.nSlots && this.gens[slot] === (handle - slot) / SLOT_BITS && this.pos[slot] !== NONE;
  }

  /** Time of the next event, or +Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.times[0]! : Infinity;
  }
  peekSeq(): number {
    return this.size > 0 ? this.seqs[0]! : Infinity;
  }

  /** Pops the earliest event into this.t/seq/kind/target/arg/payload; false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    const slot = this.slots[0]!;
    this.t = this.times[0]!;
    this.seq = this.seqs[0]!;
    this.kind = this.kinds[slot]!;
    this.target = this.targets[slot]!;
    this.arg = this.args[slot]!;
    this.payload = this.payloads[slot]!;
    this.release(slot);
    const last = --this.size;
    if (last > 0) this.siftDown(0, this.times[last]!, this.seqs[last]!, this.slots[last]!);
    return true;
  }

  private release(slot: number): void {
    this.pos[slot] = NONE;
    this.payloads[slot] = null;
    this.gens[slot] = (this.gens[slot]! + 1) % SLOT_BITS;
    this.freeSlots[this.nFree++] = slot;
  }

  private less(ta: number, sa: number, tb: number, sb: number): boolean {
    return ta < tb || (ta === tb && sa < sb);
  }

  private siftUp(i: number, t: number, s: number, slot: number): void {
    const { times, seqs, slots, pos } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = times[p]!;
      if (tp < t || (tp === t && seqs[p]! < s)) break;
      times[i] = tp;
      seqs[i] = seqs[p]!;
      slots[i] = slots[p]!;
      pos[slots[i]!] = i;
      i = p;
    }
    times[i] = t;
    seqs[i] = s;
    slots[i] = slot;
    pos[slot] = i;
  }

  private siftDown(i: number, t: number, s: number, slot: number): void {
    const { times, seqs, slots, pos } = this;
    const n = this.size;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n) {
        const a = times[c]!, b = times[c + 1]!;
        if (b < a || (b === a && seqs[c + 1]! < seqs[c]!)) c++;
      }
      const tc = times[c]!;
      if (t < tc || (t === tc && s < seqs[c]!)) break;
      times[i] = tc;
      seqs[i] = seqs[c]!;
      slots[i] = slots[c]!;
      pos[slots[i]!] = i;
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    slots[i] = slot;
    pos[slot] = i;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const grow = <T extends Float64Array | Int32Array | Uint32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.times = grow(this.times);
    this.seqs = grow(this.seqs);
    this.slots = grow(this.slots);
    this.pos = grow(this.pos);
    this.gens = grow(this.gens);
    this.kinds = grow(this.kinds);
    this.targets = grow(this.targets);
    this.args = grow(this.args);
    this.freeSlots = grow(this.freeSlots);
    for (let i = this.payloads.length; i < cap; i++) this.payloads.push(null);
  }
}
