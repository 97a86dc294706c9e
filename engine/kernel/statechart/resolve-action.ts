// Resolves an action reference of a state node (a name, a { type, params } object, an inline function
// or a built-in action creator) into the fast path's CompiledAction records, once, at compile time.
import {
  A_ARM, A_ASSIGN, A_CANCEL, A_CUSTOM, A_DELAYED_RAISE, A_DISARM, A_EMIT, A_ENQUEUE, A_RAISE,
  type AnyFn, type CompiledAction,
} from './types.ts';
import type { UnsupportedFeature } from './unsupported.ts';

export interface ResolveContext {
  actions: Record<string, unknown>;
  delays: Record<string, unknown>;
  /** after-event id → timer slot, for the node whose entry/exit is being compiled */
  afterSlots: Map<string, number>;
  where: string;
  problems: UnsupportedFeature[];
}

const UNSUPPORTED_BUILTINS: Record<string, string> = {
  'xstate.sendTo': 'sendTo (messages to other actors)',
  'xstate.sendParent': 'sendParent',
  'xstate.spawnChild': 'spawnChild / invoke (child actors)',
  'xstate.stopChild': 'stopChild (child actors)',
  'xstate.log': 'log (use a custom action)',
};

function action(kind: number, name: string, over: Partial<CompiledAction> = {}): CompiledAction {
  return { kind, name, fn: null, data: null, params: undefined, delay: null, slot: -1, id: null, ...over };
}

/** A delay reference (number, named delay, or function) as a number or a function of ({context, event}, params). */
export function resolveDelay(delay: unknown, rc: ResolveContext): number | AnyFn | null {
  if (typeof delay === 'number') return delay;
  if (typeof delay === 'function') return delay as AnyFn;
  if (typeof delay === 'string') {
    const impl = rc.delays[delay];
    if (typeof impl === 'number' || typeof impl === 'function') return impl as number | AnyFn;
    // XState would treat the missing delay as "no delay" and fire at once: a silent trap (STYLE.md §7)
    rc.problems.push({ state: rc.where, feature: `delay '${delay}' is not defined in setup({ delays })` });
    return null;
  }
  rc.problems.push({ state: rc.where, feature: `delay of type ${typeof delay}` });
  return null;
}

export function resolveActions(refs: readonly unknown[], rc: ResolveContext, params?: unknown): CompiledAction[] {
  const out: CompiledAction[] = [];
  for (const ref of refs) out.push(...resolveOne(ref, rc, params));
  return out;
}

function resolveOne(ref: unknown, rc: ResolveContext, inheritedParams?: unknown): CompiledAction[] {
  if (typeof ref === 'string' || (ref !== null && typeof ref === 'object' && typeof (ref as { type?: unknown }).type === 'string')) {
    const name = typeof ref === 'string' ? ref : (ref as { type: string }).type;
    const params = typeof ref === 'string' ? undefined : (ref as { params?: unknown }).params;
    const impl = rc.actions[name];
    if (impl === undefined) {
      rc.problems.push({ state: rc.where, feature: `action '${name}' has no implementation in setup({ actions })` });
      return [];
    }
    return resolveOne(impl, { ...rc }, params).map((a) => (a.name === '(inline)' ? { ...a, name } : a));
  }
  if (typeof ref !== 'function') {
    rc.problems.push({ state: rc.where, feature: `action of type ${typeof ref}` });
    return [];
  }
  const fn = ref as AnyFn & Record<string, unknown>;
  const type = typeof fn.type === 'string' ? (fn.type as string) : null;
  const params = inheritedParams;
  if (type === null || !('resolve' in fn)) {
    return [action(A_CUSTOM, fn.name || '(inline)', { fn, params })];
  }
  switch (type) {
    case 'xstate.assign':
      return [
        typeof fn.assignment === 'function'
          ? action(A_ASSIGN, '(inline)', { fn: fn.assignment as AnyFn, params })
          : action(A_ASSIGN, '(inline)', { data: fn.assignment, params }),
      ];
    case 'xstate.raise': {
      const id = typeof fn.id === 'string' ? fn.id : null;
      if (fn.id !== undefined && id === null) rc.problems.push({ state: rc.where, feature: 'raise with a computed id' });
      if (fn.delay === undefined) return [action(A_RAISE, '(inline)', { data: fn.event, params })];
      const delay = resolveDelay(fn.delay, rc);
      const slot = id !== null ? rc.afterSlots.get(id) : undefined;
      if (slot !== undefined) return [action(A_ARM, id!, { data: fn.event, delay, slot, params })];
      return [action(A_DELAYED_RAISE, '(inline)', { data: fn.event, delay, id, params })];
    }
    case 'xstate.cancel': {
      const sendId = fn.sendId;
      if (typeof sendId === 'string' && rc.afterSlots.has(sendId)) {
        return [action(A_DISARM, sendId, { slot: rc.afterSlots.get(sendId)! })];
      }
      if (typeof sendId === 'string') return [action(A_CANCEL, '(inline)', { id: sendId })];
      return [action(A_CANCEL, '(inline)', { fn: sendId as AnyFn, params })];
    }
    case 'xstate.emit':
      return [action(A_EMIT, '(inline)', { data: fn.event, params })];
    case 'xstate.enqueueActions':
      return [action(A_ENQUEUE, '(inline)', { fn: fn.collect as AnyFn, params })];
    default:
      rc.problems.push({ state: rc.where, feature: UNSUPPORTED_BUILTINS[type] ?? `built-in action '${type}'` });
      return [];
  }
}
