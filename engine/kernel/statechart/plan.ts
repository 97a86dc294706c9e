// A microstep plan: for one configuration and one set of enabled transitions, the ordered list of
// actions to run (exits, transition actions, entries with their done events) and the configuration
// that results. Computed once with XState's algorithm (SCXML exit/entry sets), then cached, so the
// hot path runs a flat action list instead of re-deriving the statechart semantics on every event.
import type { NodeGraph } from './graph.ts';
import { A_RAISE, type CompiledAction, type CompiledTransition } from './types.ts';

export const A_COMPLETE = 100; // the machine reached a top-level final state

export interface MicrostepPlan {
  ops: CompiledAction[];
  /** active nodes after the step, in document order */
  next: number[];
}

type T = Pick<CompiledTransition, 'source' | 'targets' | 'reenter' | 'actions'>;

function exitSet(g: NodeGraph, ts: readonly T[], active: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (const t of ts) {
    if (t.targets.length === 0) continue;
    const domain = g.transitionDomain(t);
    if (t.reenter && t.source === domain) out.add(domain);
    for (const n of active) if (domain < 0 || g.isDescendant(n, domain)) out.add(n);
  }
  return out;
}

/** XState's removeConflictingTransitions (only matters when parallel regions both take the event) */
export function removeConflicts<X extends T>(g: NodeGraph, enabled: readonly X[], active: ReadonlySet<number>): X[] {
  const kept: X[] = [];
  for (const t1 of enabled) {
    let preempted = false;
    const remove = new Set<X>();
    for (const t2 of kept) {
      const e1 = exitSet(g, [t1], active), e2 = exitSet(g, [t2], active);
      if ([...e1].some((n) => e2.has(n))) {
        if (g.isDescendant(t1.source, t2.source)) remove.add(t2);
        else {
          preempted = true;
          break;
        }
      }
    }
    if (!preempted) {
      for (const r of remove) kept.splice(kept.indexOf(r), 1);
      kept.push(t1);
    }
  }
  return kept;
}

function addDescendants(g: NodeGraph, n: number, defaults: Set<number>, enter: Set<number>): void {
  const node = g.nodes[n]!;
  if (node.type === 'compound') {
    const init = node.initial;
    enter.add(init);
    defaults.add(init);
    addDescendants(g, init, defaults, enter);
    addAncestors(g, enter, defaults, g.properAncestors(init, n), -2);
  } else if (node.type === 'parallel') {
    for (const child of node.children) {
      if (![...enter].some((s) => g.isDescendant(s, child))) {
        enter.add(child);
        defaults.add(child);
        addDescendants(g, child, defaults, enter);
      }
    }
  }
}

/** reentrancyDomain -2 means "none given" (XState's undefined) */
function addAncestors(g: NodeGraph, enter: Set<number>, defaults: Set<number>, ancestors: readonly number[], reentrancyDomain: number): void {
  for (const anc of ancestors) {
    if (reentrancyDomain === -2 || reentrancyDomain === -1 || g.isDescendant(anc, reentrancyDomain)) enter.add(anc);
    if (g.nodes[anc]!.type === 'parallel') {
      for (const child of g.nodes[anc]!.children) {
        if (![...enter].some((s) => g.isDescendant(s, child))) {
          enter.add(child);
          addDescendants(g, child, defaults, enter);
        }
      }
    }
  }
}

function entrySet(g: NodeGraph, ts: readonly T[], defaults: Set<number>, enter: Set<number>): void {
  for (const t of ts) {
    const domain = g.transitionDomain(t);
    for (const s of t.targets) {
      if (t.source !== s || t.source !== domain || t.reenter) {
        enter.add(s);
        defaults.add(s);
      }
      addDescendants(g, s, defaults, enter);
    }
    for (const s of t.targets) {
      const ancestors = g.properAncestors(s, domain);
      if (domain >= 0 && g.nodes[domain]!.type === 'parallel') ancestors.push(domain);
      addAncestors(g, enter, defaults, ancestors, g.nodes[t.source]!.parent < 0 && t.reenter ? -2 : domain);
    }
  }
}

function doneEvent(id: string): CompiledAction {
  return { kind: A_RAISE, name: `done:${id}`, fn: null, data: { type: `xstate.done.state.${id}`, output: undefined }, params: undefined, delay: null, slot: -1, id: null };
}

export function planMicrostep(g: NodeGraph, activeList: readonly number[], ts: readonly T[], isInitial = false): MicrostepPlan {
  const active = new Set(activeList);
  const ops: CompiledAction[] = [];
  if (!isInitial) {
    const exits = [...exitSet(g, ts, active)].sort((a, b) => g.nodes[b]!.order - g.nodes[a]!.order);
    for (const n of exits) {
      ops.push(...g.nodes[n]!.exit);
      active.delete(n);
    }
  }
  for (const t of ts) ops.push(...t.actions);
  const defaults = new Set<number>();
  const enter = new Set<number>();
  entrySet(g, ts, defaults, enter);
  if (isInitial) defaults.add(0);
  const completed = new Set<number>();
  let completes = false;
  for (const n of [...enter].sort((a, b) => g.nodes[a]!.order - g.nodes[b]!.order)) {
    active.add(n);
    const node = g.nodes[n]!;
    ops.push(...node.entry);
    if (defaults.has(n)) ops.push(...node.initialActions);
    if (node.type !== 'final') continue;
    const parent = node.parent;
    let marker = parent >= 0 && g.nodes[parent]!.type === 'parallel' ? parent : parent >= 0 ? g.nodes[parent]!.parent : -1;
    if (parent >= 0 && g.nodes[parent]!.type === 'compound') ops.push(doneEvent(g.nodes[parent]!.id));
    while (marker >= 0 && g.nodes[marker]!.type === 'parallel' && !completed.has(marker) && g.isInFinalState(active, marker)) {
      completed.add(marker);
      ops.push(doneEvent(g.nodes[marker]!.id));
      marker = g.nodes[marker]!.parent;
    }
    if (marker < 0) completes = true;
  }
  const next = [...active].sort((a, b) => g.nodes[a]!.order - g.nodes[b]!.order);
  if (completes) {
    ops.push({ kind: A_COMPLETE, name: 'complete', fn: null, data: null, params: undefined, delay: null, slot: -1, id: null });
    for (const n of [...next].reverse()) ops.push(...g.nodes[n]!.exit);
  }
  return { ops, next };
}
