// A binary min-heap of timed items, ordered by (time, insertion order): the client process's one agenda
// for shaped frames and media events, drained by a single timer.
export class TimedHeap<T> {
  private t: number[] = [];
  private s: number[] = [];
  private v: T[] = [];
  private seq = 0;

  get size(): number {
    return this.v.length;
  }

  peekTime(): number {
    return this.v.length === 0 ? Infinity : this.t[0]!;
  }

  push(time: number, value: T): void {
    const t = this.t, s = this.s, v = this.v;
    let i = v.length;
    t.push(time);
    s.push(this.seq++);
    v.push(value);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (t[p]! < time || (t[p] === time && s[p]! < s[i]!)) break;
      this.swap(i, p);
      i = p;
    }
  }

  /** Removes and returns the earliest item (call only when size > 0). */
  pop(): T {
    const t = this.t, s = this.s, v = this.v;
    const top = v[0]!;
    const last = v.length - 1;
    this.swap(0, last);
    t.pop();
    s.pop();
    v.pop();
    const n = v.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && (t[l]! < t[m]! || (t[l] === t[m] && s[l]! < s[m]!))) m = l;
      if (r < n && (t[r]! < t[m]! || (t[r] === t[m] && s[r]! < s[m]!))) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }

  private swap(a: number, b: number): void {
    const t = this.t, s = this.s, v = this.v;
    [t[a], t[b]] = [t[b]!, t[a]!];
    [s[a], s[b]] = [s[b]!, s[a]!];
    [v[a], v[b]] = [v[b]!, v[a]!];
  }
}
