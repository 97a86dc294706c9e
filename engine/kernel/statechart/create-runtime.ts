// One entry point for the runtimes: the compiled fast path when the machine fits its subset, otherwise
// a clear refusal (default) or, if asked, XState's own actors behind the same interface.
import type { AnyStateMachine } from 'xstate';
import { tryCompileMachine } from './compile.ts';
import { StatechartRuntime, type RuntimeOptions } from './runtime.ts';
import { XStateActorRuntime } from './xstate-fallback.ts';

export type AgentRuntime = StatechartRuntime | XStateActorRuntime;

export interface CreateRuntimeOptions extends RuntimeOptions {
  /** what to do with a machine outside the fast-path subset: throw (default) or run it on XState actors */
  fallback?: 'error' | 'xstate';
}

export function createAgentRuntime(machine: AnyStateMachine, opts: CreateRuntimeOptions = {}): AgentRuntime {
  const r = tryCompileMachine(machine);
  if (r.ok) return new StatechartRuntime(r.compiled, opts);
  if (opts.fallback === 'xstate') return new XStateActorRuntime(machine, opts);
  throw r.error;
}
