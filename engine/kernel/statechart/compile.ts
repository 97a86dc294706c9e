// Compiles an XState v5 machine (built with setup().createMachine) into the fast path's tables. It reads
// the machine's own resolved StateNode objects, so `after` timers, onDone and target resolution are
// XState's; the fast path only decides how to execute them. Refuses what it cannot run faithfully.
import type { AnyStateMachine } from 'xstate';
import { resolveActions, type ResolveContext } from './resolve-action.ts';
import { assignTimerSlots } from './timer-slots.ts';
import { A_ARM, type AnyFn, type CompiledMachine, type CompiledNode, type CompiledTransition, type TimerSlotInfo } from './types.ts';
import { UnsupportedStatechartError, type UnsupportedFeature } from './unsupported.ts';

// The parts of XState's StateNode that the compiler reads (XState does not export this shape).
interface XNode {
  id: string;
  key: string;
  type: string;
  order: number;
  parent?: XNode;
  states: Record<string, XNode>;
  entry: unknown[];
  exit: unknown[];
  invoke: unknown[];
  always?: unknown[];
  history?: unknown;
  initial?: { target: XNode[]; actions: unknown[] };
  transitions: Map<string, XTransition[]>;
  after: { eventType: string; delay: unknown }[];
  config: { entry?: unknown; exit?: unknown };
}
interface XTransition {
  target?: XNode[];
  source: XNode;
  reenter: boolean;
  guard?: unknown;
  actions: unknown[];
  eventType: string;
}

function walk(root: XNode): XNode[] {
  const all: XNode[] = [];
  const visit = (n: XNode) => {
    all.push(n);
    for (const key of Object.keys(n.states)) visit(n.states[key]!);
  };
  visit(root);
  return all.sort((a, b) => a.order - b.order);
}

function checkNode(n: XNode, problems: UnsupportedFeature[]): void {
  const where = `#${n.id}`;
  if (n.type === 'history') problems.push({ state: where, feature: 'history state' });
  if (n.invoke.length > 0) problems.push({ state: where, feature: 'invoke (child actors)' });
  if (n.always && n.always.length > 0) problems.push({ state: where, feature: "eventless 'always' transitions" });
  for (const descriptor of n.transitions.keys()) {
    if (descriptor === '*' || descriptor.endsWith('.*')) problems.push({ state: where, feature: `wildcard event '${descriptor}'` });
    if (descriptor === 'xstate.route') problems.push({ state: where, feature: 'route transitions' });
  }
}

function resolveGuard(guard: unknown, guards: Record<string, unknown>, where: string, problems: UnsupportedFeature[]): [AnyFn | null, unknown] {
  if (guard === undefined) return [null, undefined];
  if (typeof guard === 'function') {
    if ('check' in guard) problems.push({ state: where, feature: 'built-in guard combinators (and/or/not/stateIn)' });
    return [guard as AnyFn, undefined];
  }
  const name = typeof guard === 'string' ? guard : (guard as { type?: string }).type;
  const params = typeof guard === 'object' && guard !== null ? (guard as { params?: unknown }).params : undefined;
  const impl = name !== undefined ? guards[name] : undefined;
  if (typeof impl !== 'function') {
    problems.push({ state: where, feature: `guard '${String(name)}' has no implementation in setup({ guards })` });
    return [null, undefined];
  }
  if ('check' in impl) problems.push({ state: where, feature: `guard '${name}' is a built-in combinator (and/or/not/stateIn)` });
  if (typeof params === 'function') problems.push({ state: where, feature: `guard '${name}' with computed params` });
  return [impl as AnyFn, params];
}

export interface CompileOptions {
  /** throw (default) or return the problems for the caller to decide (fallback to XState actors) */
  onUnsupported?: 'throw' | 'return';
}

export type CompileResult = { ok: true; compiled: CompiledMachine } | { ok: false; error: UnsupportedStatechartError };

export function compileMachine(machine: AnyStateMachine): CompiledMachine {
  const r = tryCompileMachine(machine);
  if (!r.ok) throw r.error;
  return r.compiled;
}

export function tryCompileMachine(machine: AnyStateMachine): CompileResult {
  const problems: UnsupportedFeature[] = [];
  const xnodes = walk(machine.root as unknown as XNode);
  const indexOf = new Map<XNode, number>(xnodes.map((n, i) => [n, i]));
  const impl = machine.implementations as { actions: Record<string, unknown>; guards: Record<string, unknown>; delays: Record<string, unknown> };
  // one timer per delay key (a guarded `after` lists one transition per candidate)
  const timerNodes = xnodes.map((n) => ({ node: indexOf.get(n)!, events: [...new Set(n.after.map((a) => a.eventType))] }));
  const parentOf = xnodes.map((n) => (n.parent ? indexOf.get(n.parent)! : -1));
  const typeOf = xnodes.map((n) => n.type);
  const { slotCount, slotOf } = assignTimerSlots(timerNodes, parentOf, typeOf);

  const timers: TimerSlotInfo[] = [];
  const timerByEvent = new Map<string, TimerSlotInfo>();
  for (const [eventType, slot] of slotOf) {
    const node = timerNodes.find((t) => t.events.includes(eventType))!.node;
    const info = { index: timers.length, slot, node, event: { type: eventType } };
    timers.push(info);
    timerByEvent.set(eventType, info);
  }

  const transitions: CompiledTransition[] = [];
  const eventTypes = new Set<string>();
  const nodes: CompiledNode[] = xnodes.map((n, i) => {
    checkNode(n, problems);
    const afterSlots = new Map(n.after.map((a) => [a.eventType, slotOf.get(a.eventType)!]));
    const rc = (where: string): ResolveContext => ({ actions: impl.actions, delays: impl.delays, afterSlots, where, problems });
    const type = (n.type === 'history' ? 'atomic' : n.type) as CompiledNode['type'];
    return {
      index: i,
      id: n.id,
      key: n.key,
      type,
      parent: parentOf[i]!,
      children: Object.values(n.states).filter((c) => c.type !== 'history').map((c) => indexOf.get(c)!),
      order: n.order,
      depth: 0,
      initial: n.type === 'compound' && n.initial ? indexOf.get(n.initial.target[0]!)! : -1,
      initialActions: n.type === 'compound' && n.initial ? resolveActions(n.initial.actions, rc(`#${n.id} (initial)`)) : [],
      entry: resolveActions(n.entry, rc(`#${n.id} (entry)`)),
      exit: resolveActions(n.exit, rc(`#${n.id} (exit)`)),
      on: new Map(),
    };
  });
  for (const node of nodes) {
    node.depth = node.parent < 0 ? 0 : nodes[node.parent]!.depth + 1;
    for (const op of node.entry) if (op.kind === A_ARM) op.timer = timerByEvent.get(op.name)!.index;
  }

  xnodes.forEach((n, i) => {
    for (const [eventType, defs] of n.transitions) {
      eventTypes.add(eventType);
      const list = defs.map((d) => {
        const where = `#${n.id} on '${eventType}'`;
        const [guard, guardParams] = resolveGuard(d.guard, impl.guards, where, problems);
        const afterSlots = new Map<string, number>();
        const t: CompiledTransition = {
          index: transitions.length,
          source: i,
          targets: (d.target ?? []).map((x) => indexOf.get(x)!),
          reenter: d.reenter,
          guard,
          guardParams,
          actions: resolveActions(d.actions, { actions: impl.actions, delays: impl.delays, afterSlots, where, problems }),
          eventType,
        };
        transitions.push(t);
        return t;
      });
      nodes[i]!.on.set(eventType, list);
    }
  });

  const config = machine.config as { context?: unknown };
  if (problems.length > 0) return { ok: false, error: new UnsupportedStatechartError(machine.id, problems) };
  return {
    ok: true,
    compiled: {
      machine,
      id: machine.id,
      nodes,
      transitions,
      slotCount: Math.max(1, slotCount),
      timers,
      timerByEvent,
      eventTypes,
      contextFactory: typeof config.context === 'function' ? (config.context as CompiledMachine['contextFactory']) : null,
      staticContext: typeof config.context === 'function' ? undefined : (config.context ?? {}),
    },
  };
}
