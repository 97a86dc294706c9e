// Executes a microstep's flat action list for one agent: assign in place, raise to the internal queue,
// arm/disarm `after` slots, schedule delayed raises, buffer emits until the macrostep ends (as XState
// defers them), run enqueueActions and custom actions in order. Argument objects have XState's shape
// ({ context, event, self, system }) so the same implementations run here and on XState actors.
import { assign, cancel, emit, raise } from 'xstate';
import { resolveActions, type ResolveContext } from './resolve-action.ts';
import { A_COMPLETE } from './plan.ts';
import type { StatechartRuntime } from './runtime.ts';
import {
  A_ARM, A_ASSIGN, A_CANCEL, A_CUSTOM, A_DELAYED_RAISE, A_DISARM, A_EMIT, A_ENQUEUE, A_RAISE,
  type AnyFn, type CompiledAction, type CompiledMachine, type TimerSlotInfo, type XEvent,
} from './types.ts';
import { UnsupportedStatechartError } from './unsupported.ts';

const K_RAISE = -1;

function allPlain(map: Record<string, unknown>, keys: readonly string[]): boolean {
  for (let i = 0; i < keys.length; i++) if (typeof map[keys[i]!] === 'function') return false;
  return true;
}
const clampDelay = (ms: number): number => (Number.isFinite(ms) && ms > 0 ? ms : 0);

export class ActionRunner {
  private internal: XEvent[] = [];
  private head = 0;
  private emits: XEvent[] = [];
  /** per agent × slot: which timer occupies the slot */
  private armed: Int32Array;
  private readonly K: number;
  private readonly raiseIds = new Map<number, Map<string, number>>();
  private readonly named = new Map<string, CompiledAction[]>();
  private readonly assignArgs: { context: unknown; event: unknown; spawn: undefined; self: undefined; system: undefined } = {
    context: undefined, event: undefined, spawn: undefined, self: undefined, system: undefined,
  };
  private readonly impl: { actions: Record<string, unknown>; delays: Record<string, unknown>; guards: Record<string, unknown> };

  constructor(
    private readonly rt: StatechartRuntime,
    private readonly compiled: CompiledMachine,
    private readonly onEmit: ((agent: number, event: XEvent, now: number) => void) | null,
  ) {
    this.K = compiled.slotCount;
    this.armed = new Int32Array(1024 * this.K);
    this.impl = compiled.machine.implementations as never;
  }

  begin(_agent: number): void {
    // setting length is a runtime call even when it does not change anything: most macrosteps raise
    // and emit nothing
    if (this.internal.length !== 0) this.internal.length = 0;
    this.head = 0;
    if (this.emits.length !== 0) this.emits.length = 0;
  }

  nextInternal(): XEvent | undefined {
    return this.head < this.internal.length ? this.internal[this.head++] : undefined;
  }

  end(agent: number): void {
    if (this.emits.length > 0 && this.onEmit !== null) {
      const list = this.emits.slice();
      this.emits.length = 0;
      for (const e of list) this.onEmit(agent, e, this.rt.now);
    }
    this.rt.finish(agent);
  }

  slotEvent(agent: number, slot: number): TimerSlotInfo {
    return this.compiled.timers[this.armed[agent * this.K + slot]!]!;
  }

  forgetRaise(agent: number, hasId: number): void {
    if (hasId === 0) return;
    const ids = this.raiseIds.get(agent);
    if (ids) for (const [id, h] of ids) if (!this.rt.queue.isPending(h)) ids.delete(id);
  }

  dropAgent(agent: number): void {
    this.raiseIds.delete(agent);
  }

  run(agent: number, ops: readonly CompiledAction[], event: XEvent): void {
    for (let i = 0; i < ops.length; i++) this.exec(agent, ops[i]!, event);
  }

  private args(agent: number, event: XEvent) {
    return { context: this.rt.context(agent), event, self: undefined, system: undefined };
  }

  private exec(agent: number, op: CompiledAction, event: XEvent): void {
    switch (op.kind) {
      case A_CUSTOM:
        op.fn!(this.args(agent, event), op.params);
        return;
      case A_ASSIGN: {
        const ctx = this.rt.context<Record<string, unknown>>(agent);
        // one argument object, refilled per assign (assigners run to completion and do not keep it)
        const a = this.assignArgs;
        a.context = ctx;
        a.event = event;
        if (op.fn !== null) {
          const partial = op.fn(a, op.params) as Record<string, unknown>;
          Object.assign(ctx, partial);
        } else {
          const map = op.data as Record<string, unknown>;
          const keys = op.keys ??= Object.keys(map);
          if (keys.length === 1) {
            // one property: nothing else can observe it before it is set
            const v = map[keys[0]!];
            ctx[keys[0]!] = typeof v === 'function' ? (v as AnyFn)(a, op.params) : v;
          } else if (allPlain(map, keys)) {
            // plain values (enqueue.assign({ ... })): nothing runs that could see a half-done merge
            for (const key of keys) ctx[key] = map[key];
          } else {
            // every assigner sees the context before this assign (XState computes them all, then merges)
            const partial: Record<string, unknown> = {};
            for (const key of keys) {
              const v = map[key];
              partial[key] = typeof v === 'function' ? (v as AnyFn)(a, op.params) : v;
            }
            for (const key of keys) ctx[key] = partial[key];
          }
        }
        a.context = undefined;
        a.event = undefined;
        return;
      }
      case A_RAISE:
        this.internal.push(this.eventOf(agent, op, event));
        return;
      case A_ARM: {
        const delay = this.delayOf(agent, op, event);
        if (typeof delay !== 'number') {
          this.internal.push(this.compiled.timers[op.timer!]!.event);
          return;
        }
        if (agent * this.K >= this.armed.length) this.growArmed(agent);
        this.armed[agent * this.K + op.slot] = op.timer!;
        this.rt.timers.arm(agent, op.slot, this.rt.now + clampDelay(delay));
        return;
      }
      case A_DISARM:
        this.rt.timers.disarm(agent, op.slot);
        return;
      case A_DELAYED_RAISE: {
        const ev = this.eventOf(agent, op, event);
        const delay = this.delayOf(agent, op, event);
        if (typeof delay !== 'number') {
          this.internal.push(ev);
          return;
        }
        const arg = this.rt.generation(agent) * 2 + (op.id === null ? 0 : 1);
        const h = this.rt.queue.push(this.rt.now + clampDelay(delay), K_RAISE, agent, arg, ev);
        if (op.id !== null) {
          let ids = this.raiseIds.get(agent);
          if (!ids) this.raiseIds.set(agent, (ids = new Map()));
          ids.set(op.id, h);
        }
        return;
      }
      case A_CANCEL: {
        const id = op.fn !== null ? (op.fn(this.args(agent, event), op.params) as string) : op.id!;
        const h = this.raiseIds.get(agent)?.get(id);
        if (h !== undefined) {
          this.rt.queue.cancel(h);
          this.raiseIds.get(agent)!.delete(id);
        }
        return;
      }
      case A_EMIT:
        this.emits.push(this.eventOf(agent, op, event));
        return;
      case A_ENQUEUE:
        this.enqueue(agent, op, event);
        return;
      case A_COMPLETE:
        this.rt.markDone(agent);
        return;
    }
  }

  private eventOf(agent: number, op: CompiledAction, event: XEvent): XEvent {
    return typeof op.data === 'function' ? ((op.data as AnyFn)(this.args(agent, event), op.params) as XEvent) : (op.data as XEvent);
  }

  private delayOf(agent: number, op: CompiledAction, event: XEvent): unknown {
    return typeof op.delay === 'function' ? op.delay(this.args(agent, event), op.params) : op.delay;
  }

  private enqueue(agent: number, op: CompiledAction, event: XEvent): void {
    const refs: unknown[] = [];
    const enqueue = Object.assign((ref: unknown) => void refs.push(ref), {
      assign: (...a: unknown[]) => void refs.push((assign as AnyFn)(...a)),
      raise: (...a: unknown[]) => void refs.push((raise as AnyFn)(...a)),
      emit: (...a: unknown[]) => void refs.push((emit as AnyFn)(...a)),
      cancel: (...a: unknown[]) => void refs.push((cancel as AnyFn)(...a)),
    });
    const ctx = this.rt.context(agent);
    const check = (guard: unknown) => this.checkGuard(guard, ctx, event);
    op.fn!({ context: ctx, event, enqueue, check, self: undefined, system: undefined }, op.params);
    for (const ref of refs) {
      for (const inner of this.resolveAtRuntime(ref)) this.exec(agent, inner, event);
    }
  }

  private checkGuard(guard: unknown, context: unknown, event: XEvent): boolean {
    const fn = typeof guard === 'function' ? guard : this.impl.guards[typeof guard === 'string' ? guard : (guard as { type: string }).type];
    if (typeof fn !== 'function') throw new Error(`enqueueActions check(): guard ${JSON.stringify(guard)} is not implemented`);
    const params = typeof guard === 'object' && guard !== null ? (guard as { params?: unknown }).params : undefined;
    return Boolean((fn as AnyFn)({ context, event }, params));
  }

  private resolveAtRuntime(ref: unknown): CompiledAction[] {
    if (typeof ref === 'string') {
      let ops = this.named.get(ref);
      if (ops === undefined) this.named.set(ref, (ops = this.resolveChecked(ref)));
      return ops;
    }
    return this.resolveChecked(ref);
  }

  private resolveChecked(ref: unknown): CompiledAction[] {
    const rc: ResolveContext = { actions: this.impl.actions, delays: this.impl.delays, afterSlots: new Map(), where: 'enqueueActions', problems: [] };
    const ops = resolveActions([ref], rc);
    if (rc.problems.length > 0) throw new UnsupportedStatechartError(this.compiled.id, rc.problems);
    return ops;
  }

  private growArmed(agent: number): void {
    let cap = this.armed.length;
    while (cap <= agent * this.K) cap *= 2;
    const a = new Int32Array(cap);
    a.set(this.armed);
    this.armed = a;
  }
}
