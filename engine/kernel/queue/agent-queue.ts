// Agent timers, each agent in the heap once. Every agent owns a fixed number of timer slots (one per
// delayed transition of its statechart); the heap is keyed by each agent's earliest armed slot, by
// (time, seq). Re-arming or disarming a slot is O(slots) plus one sift, and the heap holds at most one
// entry per agent (bench-ref's "plain-agentq" layout, its fastest variant: no stale pops, a heap the size
// of the audience instead of the number of pending timers).
import { Sequence } from './sequence.ts';

const NONE = -1;

export class AgentQueue {
  /** after pop(): the fired timer */
  t = 0;
  seq = 0;
  agent = 0;
  slot = 0;
  size = 0;

  readonly slotsPerAgent: number;
  readonly sequence: Sequence;
  // per agent × slot
  private slotTimes: Float64Array;
  private slotSeqs: Float64Array;
  // per agent: its earliest slot (or NONE) and heap position (or NONE)
  private minSlot: Int32Array;
  private pos: Int32Array;
  // heap order
  private hTimes: Float64Array;
  private hSeqs: Float64Array;
  private hAgents: Int32Array;

  constructor(slotsPerAgent: number, agentCapacity = 1 << 12, sequence: Sequence = new Sequence()) {
    if (!Number.isInteger(slotsPerAgent) || slotsPerAgent < 1) {
      throw new RangeError(`AgentQueue: slotsPerAgent must be a positive integer, got ${slotsPerAgent}`);
    }
    this.slotsPerAgent = slotsPerAgent;
    this.sequence = sequence;
    this.slotTimes = new Float64Array(agentCapacity * slotsPerAgent).fill(Infinity);
    this.slotSeqs = new Float64Array(agentCapacity * slotsPerAgent);
    this.minSlot = new Int32Array(agentCapacity).fill(NONE);
    this.pos = new Int32Array(agentCapacity).fill(NONE);
    this.hTimes = new Float64Array(agentCapacity);
    this.hSeqs = new Float64Array(agentCapacity);
    this.hAgents = new Int32Array(agentCapacity);
  }

  get agentCapacity(): number {
    return this.pos.length;
  }

  /** Arms (or re-arms) timer `slot` of `agent` to fire at `t`. */
  arm(agent: number, slot: number, t: number): void {
    if (agent >= this.pos.length) this.grow(agent + 1);
    const k = agent * this.slotsPerAgent + slot;
    const seq = this.sequence.n++;
    this.slotTimes[k] = t;
    this.slotSeqs[k] = seq;
    const m = this.minSlot[agent]!;
    if (m === slot) {
      this.refresh(agent); // its earliest timer moved: possibly later
      return;
    }
    if (m === NONE) {
      this.minSlot[agent] = slot;
      this.insert(agent, t, seq);
      return;
    }
    const km = agent * this.slotsPerAgent + m;
    const tm = this.slotTimes[km]!;
    if (t < tm || (t === tm && seq < this.slotSeqs[km]!)) {
      this.minSlot[agent] = slot;
      this.siftUp(this.pos[agent]!, t, seq, agent);
    }
  }

  disarm(agent: number, slot: number): void {
    if (agent >= this.pos.length) return;
    const k = agent * this.slotsPerAgent + slot;
    if (this.slotTimes[k] === Infinity) return;
    this.slotTimes[k] = Infinity;
    if (this.minSlot[agent] === slot) this.refresh(agent);
  }

  /** Disarms every slot of an agent (it left, or its statechart reached a final state). */
  disarmAll(agent: number): void {
    if (agent >= this.pos.length) return;
    this.slotTimes.fill(Infinity, agent * this.slotsPerAgent, (agent + 1) * this.slotsPerAgent);
    this.minSlot[agent] = NONE;
    this.remove(agent);
  }

  isArmed(agent: number, slot: number): boolean {
    return agent < this.pos.length && this.slotTimes[agent * this.slotsPerAgent + slot] !== Infinity;
  }

  timeOf(agent: number, slot: number): number {
    return agent < this.pos.length ? this.slotTimes[agent * this.slotsPerAgent + slot]! : Infinity;
  }

  peekTime(): number {
    return this.size > 0 ? this.hTimes[0]! : Infinity;
  }
  peekSeq(): number {
    return this.size > 0 ? this.hSeqs[0]! : Infinity;
  }

  /** Pops the earliest armed timer of all agents into t/seq/agent/slot and disarms it. */
  pop(): boolean {
    if (this.size === 0) return false;
    const agent = this.hAgents[0]!;
    const slot = this.minSlot[agent]!;
    this.t = this.hTimes[0]!;
    this.seq = this.hSeqs[0]!;
    this.agent = agent;
    this.slot = slot;
    this.slotTimes[agent * this.slotsPerAgent + slot] = Infinity;
    this.refresh(agent);
    return true;
  }

  /** Recomputes an agent's earliest slot and moves it in the heap (or out of it). */
  private refresh(agent: number): void {
    const base = agent * this.slotsPerAgent;
    let best = NONE, bt = Infinity, bs = Infinity;
    for (let s = 0; s < this.slotsPerAgent; s++) {
      const t = this.slotTimes[base + s]!;
      if (t < bt || (t === bt && t !== Infinity && this.slotSeqs[base + s]! < bs)) {
        best = s;
        bt = t;
        bs = this.slotSeqs[base + s]!;
      }
    }
    this.minSlot[agent] = best;
    if (best === NONE) {
      this.remove(agent);
      return;
    }
    const i = this.pos[agent]!;
    if (i === NONE) {
      this.insert(agent, bt, bs);
      return;
    }
    if (i > 0) {
      const p = (i - 1) >> 1;
      if (bt < this.hTimes[p]! || (bt === this.hTimes[p]! && bs < this.hSeqs[p]!)) {
        this.siftUp(i, bt, bs, agent);
        return;
      }
    }
    this.siftDown(i, bt, bs, agent);
  }

  private insert(agent: number, t: number, seq: number): void {
    this.siftUp(this.size++, t, seq, agent);
  }

  private remove(agent: number): void {
    const i = this.pos[agent]!;
    if (i === NONE) return;
    this.pos[agent] = NONE;
    const last = --this.size;
    if (i === last) return;
    const t = this.hTimes[last]!, s = this.hSeqs[last]!, a = this.hAgents[last]!;
    if (i > 0) {
      const p = (i - 1) >> 1;
      if (t < this.hTimes[p]! || (t === this.hTimes[p]! && s < this.hSeqs[p]!)) {
        this.siftUp(i, t, s, a);
        return;
      }
    }
    this.siftDown(i, t, s, a);
  }

  private siftUp(i: number, t: number, s: number, agent: number): void {
    const { hTimes, hSeqs, hAgents, pos } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = hTimes[p]!;
      if (tp < t || (tp === t && hSeqs[p]! < s)) break;
      hTimes[i] = tp;
      hSeqs[i] = hSeqs[p]!;
      hAgents[i] = hAgents[p]!;
      pos[hAgents[i]!] = i;
      i = p;
    }
    hTimes[i] = t;
    hSeqs[i] = s;
    hAgents[i] = agent;
    pos[agent] = i;
  }

  private siftDown(i: number, t: number, s: number, agent: number): void {
    const { hTimes, hSeqs, hAgents, pos } = this;
    const n = this.size;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n) {
        const a = hTimes[c]!, b = hTimes[c + 1]!;
        if (b < a || (b === a && hSeqs[c + 1]! < hSeqs[c]!)) c++;
      }
      const tc = hTimes[c]!;
      if (t < tc || (t === tc && s < hSeqs[c]!)) break;
      hTimes[i] = tc;
      hSeqs[i] = hSeqs[c]!;
      hAgents[i] = hAgents[c]!;
      pos[hAgents[i]!] = i;
      i = c;
    }
    hTimes[i] = t;
    hSeqs[i] = s;
    hAgents[i] = agent;
    pos[agent] = i;
  }

  private grow(minAgents: number): void {
    let cap = this.pos.length;
    while (cap < minAgents) cap *= 2;
    const K = this.slotsPerAgent;
    const resize = <T extends Float64Array | Int32Array>(a: T, n: number, fill: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.fill(fill);
      b.set(a);
      return b;
    };
    this.slotTimes = resize(this.slotTimes, cap * K, Infinity);
    this.slotSeqs = resize(this.slotSeqs, cap * K, 0);
    this.minSlot = resize(this.minSlot, cap, NONE);
    this.pos = resize(this.pos, cap, NONE);
    this.hTimes = resize(this.hTimes, cap, 0);
    this.hSeqs = resize(this.hSeqs, cap, 0);
    this.hAgents = resize(this.hAgents, cap, 0);
  }
}
