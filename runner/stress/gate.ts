// Admission of connection attempts in a stress client: at most `limit` WebSocket handshakes in flight at
// once; the others wait, by priority level (lower first), in arrival order within a level.
//
// Why: a starved server answers handshakes late, and a client that opens every due connection at once
// fills the server's accept queue with attempts that time out (30 s) before the server reaches them; the
// server then spends its CPU on handshakes nobody waits for any more and retries pile on top (measured:
// 6,000 viewers at 0.44 cores, ~1,000 ever connected, 19,470 handshake timeouts). With the gate the
// attempts queue in the client, where waiting costs nothing and where the ones that matter (a viewer
// with an unanswered checkout) can go first.
export class ConnectGate<T> {
  private readonly queues: T[][];
  private readonly heads: number[];
  private active = 0;
  private pumping = false;

  constructor(
    readonly limit: number,
    levels: number,
    private readonly start: (item: T) => void,
  ) {
    if (!(limit >= 1) || !(levels >= 1)) throw new RangeError('a gate needs a limit and a level count of at least 1');
    this.queues = Array.from({ length: levels }, () => []);
    this.heads = new Array<number>(levels).fill(0);
  }

  /** attempts started and not finished */
  get inFlight(): number {
    return this.active;
  }

  /** items waiting for a slot */
  get waiting(): number {
    let n = 0;
    for (let l = 0; l < this.queues.length; l++) n += this.queues[l]!.length - this.heads[l]!;
    return n;
  }

  /** Queues an attempt at a priority level (0 first); it starts now if a slot is free. */
  request(item: T, level: number): void {
    const l = Math.max(0, Math.min(this.queues.length - 1, Math.floor(level)));
    this.queues[l]!.push(item);
    this.pump();
  }

  /** An attempt started by the gate has finished (opened or failed): its slot goes to the next one. */
  done(): void {
    if (this.active > 0) this.active--;
    this.pump();
  }

  /** Moves waiting items that match to a (higher-priority) level, keeping their order. */
  promote(match: (item: T) => boolean, level: number): number {
    const to = Math.max(0, Math.min(this.queues.length - 1, Math.floor(level)));
    let moved = 0;
    for (let l = to + 1; l < this.queues.length; l++) {
      const q = this.queues[l]!;
      const keep: T[] = [];
      for (let i = this.heads[l]!; i < q.length; i++) {
        const x = q[i]!;
        if (match(x)) {
          this.queues[to]!.push(x);
          moved++;
        } else keep.push(x);
      }
      this.queues[l] = keep;
      this.heads[l] = 0;
    }
    this.pump();
    return moved;
  }

  private next(): T | undefined {
    for (let l = 0; l < this.queues.length; l++) {
      const q = this.queues[l]!;
      const h = this.heads[l]!;
      if (h < q.length) {
        const x = q[h]!;
        // compact now and then: the queue is an array with a moving head
        if (h + 1 >= 1024 && h + 1 >= q.length >> 1) {
          q.splice(0, h + 1);
          this.heads[l] = 0;
        } else this.heads[l] = h + 1;
        return x;
      }
    }
    return undefined;
  }

  private pump(): void {
    // start() may finish an attempt synchronously (done() inside it): one loop, no recursion
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.active < this.limit) {
        const x = this.next();
        if (x === undefined) break;
        this.active++;
        this.start(x);
      }
    } finally {
      this.pumping = false;
    }
  }
}
