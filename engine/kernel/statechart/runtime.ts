// The fast path: runs many agents of one compiled statechart on virtual time. Each agent is an
// interned configuration id, a context object and a few timer slots in the shared AgentQueue; delayed
// raises and the caller's own scheduled events share one EventQueue and the same (time, seq) order.
// Semantics are XState v5's macrostep/microstep (see equivalence.test.ts); the speed comes from
// cached microstep plans, typed-array timers and no actor, mailbox, scheduler or snapshot objects.
import { AgentQueue } from '../queue/agent-queue.ts';
import { EventQueue } from '../queue/event-queue.ts';
import { Sequence } from '../queue/sequence.ts';
import { ConfigurationTable, type StateValue } from './configs.ts';
import { ActionRunner } from './exec.ts';
import { NodeGraph } from './graph.ts';
import { planMicrostep, removeConflicts, type MicrostepPlan } from './plan.ts';
import type { CompiledMachine, CompiledTransition, XEvent } from './types.ts';

export const STATUS_NONE = 0;
export const STATUS_ACTIVE = 1;
export const STATUS_DONE = 2;
export const STATUS_STOPPED = 3;

/** what step() did */
export const STEP_IDLE = 0;
export const STEP_AGENT = 1;
export const STEP_EXTERNAL = 2;

const K_RAISE = -1; // EventQueue kind of a delayed raise; caller kinds are ≥ 0

export interface RuntimeOptions {
  sequence?: Sequence;
  capacity?: number;
  /** receives every emit(...) of every agent, after the macrostep that emitted it */
  onEmit?: (agent: number, event: XEvent, now: number) => void;
  /** called once when an agent reaches a top-level final state or is stopped (read, then release) */
  onDone?: (agent: number, now: number) => void;
}

export class StatechartRuntime {
  now = 0;
  readonly graph: NodeGraph;
  readonly configs: ConfigurationTable;
  readonly timers: AgentQueue;
  readonly queue: EventQueue<XEvent>;
  /** after step() returned STEP_EXTERNAL: the caller's event */
  extKind = 0;
  extTarget = 0;
  extArg = 0;
  extPayload: unknown = null;
  /** macrosteps run so far (one per delivered event) */
  macrosteps = 0;
  /**
   * optional tally by group: the macrosteps of agent h also count in macrostepsBy[tallyOf[h]] (the caller
   * sizes tallyOf past every handle it spawns; e.g. one group per strategy when two share an audience)
   */
  tallyOf: Uint8Array | null = null;
  readonly macrostepsBy: number[] = [];

  private configOf: Int32Array;
  private statusOf: Uint8Array;
  /** bumped every time a handle is reused, so a stale delayed raise never reaches the new occupant */
  private genOf: Uint32Array;
  private freeHandles: number[] = [];
  private nextHandle = 0;
  private contexts: unknown[] = [];
  private readonly initialPlan: MicrostepPlan;
  private readonly runner: ActionRunner;
  private readonly initialConfig: number;
  private readonly onDone: ((agent: number, now: number) => void) | null;
  /** [t] for every transition t (select's single result, shared: process only reads it) */
  private readonly singles: CompiledTransition[][];

  constructor(readonly compiled: CompiledMachine, opts: RuntimeOptions = {}) {
    const sequence = opts.sequence ?? new Sequence();
    const cap = opts.capacity ?? 1024;
    this.graph = new NodeGraph(compiled.nodes);
    this.configs = new ConfigurationTable(this.graph);
    this.timers = new AgentQueue(compiled.slotCount, cap, sequence);
    this.queue = new EventQueue<XEvent>(cap, sequence);
    this.configOf = new Int32Array(cap);
    this.statusOf = new Uint8Array(cap);
    this.genOf = new Uint32Array(cap);
    this.initialConfig = this.configs.intern([0]);
    const initialTargets = this.initialNodes();
    this.initialPlan = planMicrostep(this.graph, [0], [{ source: 0, targets: initialTargets, reenter: true, actions: [] }], true);
    this.runner = new ActionRunner(this, compiled, opts.onEmit ?? null);
    this.onDone = opts.onDone ?? null;
    this.singles = compiled.transitions.map((t) => [t]);
  }

  private initialNodes(): number[] {
    const out: number[] = [];
    const visit = (n: number) => {
      if (out.includes(n)) return;
      out.push(n);
      const node = this.graph.nodes[n]!;
      if (node.type === 'compound') visit(node.initial);
      else if (node.type === 'parallel') node.children.forEach(visit);
    };
    visit(0);
    return out;
  }

  private ensure(agent: number): void {
    if (agent < this.configOf.length) return;
    let cap = this.configOf.length;
    while (cap <= agent) cap *= 2;
    const c = new Int32Array(cap);
    c.set(this.configOf);
    this.configOf = c;
    const s = new Uint8Array(cap);
    s.set(this.statusOf);
    this.statusOf = s;
    const g = new Uint32Array(cap);
    g.set(this.genOf);
    this.genOf = g;
  }

  /** the handle the next spawn() will return (so callers can set up per-handle state first) */
  peekHandle(): number {
    return this.freeHandles.length > 0 ? this.freeHandles[this.freeHandles.length - 1]! : this.nextHandle;
  }

  /**
   * Starts a new agent at the current time (XState's initial microstep + macrostep) and returns its
   * handle. Handles of released agents are reused, so memory follows the number of agents alive, not
   * the number ever spawned.
   */
  spawn(input?: unknown): number {
    const agent = this.freeHandles.length > 0 ? this.freeHandles.pop()! : this.nextHandle++;
    this.ensure(agent);
    this.genOf[agent] = (this.genOf[agent]! + 1) >>> 0;
    const c = this.compiled;
    const context = c.contextFactory ? c.contextFactory({ input, spawn: noSpawn, self: undefined } as never) : { ...(c.staticContext as object) };
    this.contexts[agent] = context;
    this.configOf[agent] = this.initialConfig;
    this.statusOf[agent] = STATUS_ACTIVE;
    const initEvent: XEvent = { type: 'xstate.init', input };
    this.runner.begin(agent);
    this.apply(agent, this.initialPlan, initEvent);
    this.drain(agent);
    this.runner.end(agent);
    return agent;
  }

  /** Delivers an external event to an agent at the current time (one macrostep). */
  send(agent: number, event: XEvent): void {
    if (this.statusOf[agent] !== STATUS_ACTIVE) return;
    this.runner.begin(agent);
    this.process(agent, event, this.select(agent, event));
    this.drain(agent);
    this.runner.end(agent);
  }

  /** Schedules a caller event (kind ≥ 0) at time t, ordered with the agents' timers by (time, seq). */
  schedule(t: number, kind: number, target = 0, arg = 0, payload: unknown = null): number {
    return this.queue.push(t, kind, target, arg, payload as XEvent);
  }

  nextTime(): number {
    return Math.min(this.timers.peekTime(), this.queue.peekTime());
  }

  /**
   * Fires the next pending timer or caller event if its time is < `until`. Returns STEP_IDLE when
   * nothing is due, STEP_AGENT after running an agent's macrostep, STEP_EXTERNAL with ext* set.
   */
  step(until = Infinity, inclusive = false): number {
    for (;;) {
      const ta = this.timers.peekTime(), tq = this.queue.peekTime();
      const useTimers = ta < tq || (ta === tq && ta !== Infinity && this.timers.peekSeq() < this.queue.peekSeq());
      const t = useTimers ? ta : tq;
      if (!(t < until || (inclusive && t === until && t !== Infinity))) return STEP_IDLE;
      if (useTimers) {
        const timers = this.timers;
        timers.pop();
        this.now = timers.t;
        this.fireTimer(timers.agent, timers.slot);
        return STEP_AGENT;
      }
      const q = this.queue;
      q.pop();
      this.now = q.t;
      if (q.kind !== K_RAISE) {
        this.extKind = q.kind;
        this.extTarget = q.target;
        this.extArg = q.arg;
        this.extPayload = q.payload;
        return STEP_EXTERNAL;
      }
      const agent = q.target;
      // stopped, done or a reused handle: the delayed raise died with its agent
      if (this.statusOf[agent] !== STATUS_ACTIVE || this.genOf[agent] !== Math.floor(q.arg / 2)) continue;
      this.runner.forgetRaise(agent, q.arg % 2);
      this.send(agent, q.payload!);
      return STEP_AGENT;
    }
  }

  /**
   * Runs every agent timer (and delayed raise) due before `until` (or at it, if inclusive, as XState's
   * clocks do); caller events are handed to onExternal. Leaves now = until.
   */
  runUntil(until: number, onExternal?: (rt: this) => void, inclusive = false): void {
    for (;;) {
      const r = this.step(until, inclusive);
      if (r === STEP_IDLE) break;
      if (r === STEP_EXTERNAL) {
        if (!onExternal) throw new Error(`StatechartRuntime.runUntil: caller event kind ${this.extKind} needs an onExternal handler`);
        onExternal(this);
      }
    }
    if (until !== Infinity && until > this.now) this.now = until;
  }

  private fireTimer(agent: number, slot: number): void {
    const info = this.runner.slotEvent(agent, slot);
    const node = this.graph.nodes[info.node]!;
    const candidates = node.on.get(info.event.type)!;
    this.runner.begin(agent);
    this.process(agent, info.event, this.pick(agent, candidates, info.event));
    this.drain(agent);
    this.runner.end(agent);
  }

  /** first candidate whose guard passes (XState's StateNode.next) */
  private pick(agent: number, candidates: readonly CompiledTransition[] | undefined, event: XEvent): CompiledTransition[] | null {
    if (candidates === undefined) return null;
    const t = this.pickOne(agent, candidates, event);
    return t === null ? null : this.singles[t.index]!;
  }

  private pickOne(agent: number, candidates: readonly CompiledTransition[], event: XEvent): CompiledTransition | null {
    for (let i = 0; i < candidates.length; i++) {
      const t = candidates[i]!;
      if (t.guard === null || t.guard({ context: this.contexts[agent], event }, t.guardParams)) return t;
    }
    return null;
  }

  /**
   * XState's transitionNode over the active configuration: deepest states first, regions in order.
   * The walk depends only on (configuration, event type) apart from the guards, so it is flattened
   * once per pair into a SelectPlan (only the nodes with candidates, in the walk's order) and cached;
   * guards are then evaluated in exactly the order the walk would evaluate them.
   */
  private select(agent: number, event: XEvent): CompiledTransition[] | null {
    const config = this.configs.list[this.configOf[agent]!]!;
    let plan = config.select.get(event.type) as SelectPlan | undefined;
    if (plan === undefined) config.select.set(event.type, (plan = this.selectPlan(config.has, event.type)));
    if (plan === EMPTY_SELECT) return null;
    return this.runSelect(agent, plan, event);
  }

  private runSelect(agent: number, plan: SelectPlan, event: XEvent): CompiledTransition[] | null {
    for (let i = 0; i < plan.length; i++) {
      const step = plan[i]!;
      if (step.par === null) {
        const t = this.pickOne(agent, step.candidates!, event);
        if (t !== null) return this.singles[t.index]!;
      } else {
        let all: CompiledTransition[] | null = null;
        for (const region of step.par) {
          const r = this.runSelect(agent, region, event);
          if (r !== null) (all ??= []).push(...r);
        }
        if (all !== null) return all;
      }
    }
    return null;
  }

  /** the walk of select() for one event type, keeping only the steps that can yield transitions */
  private selectPlan(has: Uint8Array, type: string): SelectPlan {
    const visit = (n: number, out: SelectStep[]): void => {
      const node = this.graph.nodes[n]!;
      if (node.type === 'compound') {
        for (const c of node.children) if (has[c] === 1) {
          visit(c, out);
          break;
        }
      } else if (node.type === 'parallel') {
        const regions: SelectStep[][] = [];
        for (const c of node.children) {
          const r: SelectStep[] = [];
          visit(c, r);
          if (r.length > 0) regions.push(r);
        }
        // one region that can take the event: its result is the whole result, its steps inline
        if (regions.length === 1) out.push(...regions[0]!);
        else if (regions.length > 1) out.push({ candidates: null, par: regions });
      }
      const candidates = node.on.get(type);
      if (candidates !== undefined && candidates.length > 0) out.push({ candidates, par: null });
    };
    const out: SelectStep[] = [];
    visit(0, out);
    return out.length === 0 ? EMPTY_SELECT : out;
  }

  private process(agent: number, event: XEvent, ts: CompiledTransition[] | null): void {
    this.macrosteps++;
    if (this.tallyOf !== null) this.macrostepsBy[this.tallyOf[agent]!]!++;
    if (ts === null) return;
    const config = this.configs.list[this.configOf[agent]!]!;
    let plan: MicrostepPlan | undefined;
    if (ts.length === 1) {
      plan = config.single[ts[0]!.index];
      if (plan === undefined) plan = config.single[ts[0]!.index] = planMicrostep(this.graph, config.nodes, ts);
    } else {
      // several regions took the event: conflict removal depends only on (configuration, transitions)
      const key = multiKey(ts);
      plan = config.plans.get(key);
      if (plan === undefined) {
        const filtered = removeConflicts(this.graph, ts, new Set(config.nodes));
        config.plans.set(key, (plan = planMicrostep(this.graph, config.nodes, filtered)));
      }
    }
    this.apply(agent, plan, event);
  }

  private apply(agent: number, plan: MicrostepPlan & { nextId?: number }, event: XEvent): void {
    if (plan.nextId === undefined) plan.nextId = this.configs.intern(plan.next);
    this.runner.run(agent, plan.ops, event);
    this.configOf[agent] = plan.nextId;
  }

  /** the internal queue (raised events) until empty or the machine is done */
  private drain(agent: number): void {
    let ev: XEvent | undefined;
    while (this.statusOf[agent] === STATUS_ACTIVE && (ev = this.runner.nextInternal()) !== undefined) {
      this.process(agent, ev, this.select(agent, ev));
    }
  }

  /** called by the action runner when a top-level final state is reached */
  markDone(agent: number): void {
    this.statusOf[agent] = STATUS_DONE;
  }

  /** after a macrostep: a finished agent loses its timers (once) and the caller is told */
  finish(agent: number): void {
    const s = this.statusOf[agent];
    if (s !== STATUS_DONE && s !== STATUS_STOPPED) return;
    if (this.contexts[agent] === RELEASED) return;
    this.timers.disarmAll(agent);
    this.runner.dropAgent(agent);
    if (this.onDone !== null) this.onDone(agent, this.now);
  }

  /** Stops an agent: no further events, timers dropped (XState's actor.stop()). */
  stop(agent: number): void {
    if (this.statusOf[agent] !== STATUS_ACTIVE) return;
    this.statusOf[agent] = STATUS_STOPPED;
    this.finish(agent);
  }

  status(agent: number): number {
    return agent < this.statusOf.length ? this.statusOf[agent]! : STATUS_NONE;
  }
  context<C = Record<string, unknown>>(agent: number): C {
    return this.contexts[agent] as C;
  }
  setContext(agent: number, ctx: unknown): void {
    this.contexts[agent] = ctx;
  }
  value(agent: number): StateValue {
    return this.configs.list[this.configOf[agent]!]!.value;
  }
  /** Frees a finished agent's context (after reading its results); its handle may then be reused. */
  release(agent: number): void {
    if (this.statusOf[agent] === STATUS_ACTIVE) throw new Error(`StatechartRuntime.release: agent ${agent} is still running`);
    if (this.contexts[agent] === RELEASED) return;
    this.contexts[agent] = RELEASED;
    this.statusOf[agent] = STATUS_NONE;
    this.freeHandles.push(agent);
  }

  /** generation of a handle (for delayed raises) */
  generation(agent: number): number {
    return this.genOf[agent]!;
  }
}

const RELEASED = Symbol('released');

/**
 * The plan-cache key of several transitions: their indices (+1) packed base 1024 into one number while
 * that is exact (up to 5 transitions below index 1023; a number key hashes without building a string),
 * else the indices joined with ','. The two forms never collide (number vs string).
 */
function multiKey(ts: readonly CompiledTransition[]): number | string {
  if (ts.length <= 5) {
    let key = 0;
    let ok = true;
    for (let i = 0; i < ts.length; i++) {
      const ix = ts[i]!.index;
      if (ix >= 1023) {
        ok = false;
        break;
      }
      key = key * 1024 + ix + 1;
    }
    if (ok) return key;
  }
  return ts.map((t) => t.index).join(',');
}

/** one step of a cached select walk: a node's candidates, or parallel regions whose results join */
interface SelectStep {
  candidates: readonly CompiledTransition[] | null;
  par: SelectPlan[] | null;
}
type SelectPlan = SelectStep[];
const EMPTY_SELECT: SelectPlan = [];

function noSpawn(): never {
  throw new Error('spawn() in a context factory is outside the fast-path subset');
}
