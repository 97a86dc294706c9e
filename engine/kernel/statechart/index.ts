// The statechart fast path: compile an XState v5 machine once, run many agents of it on virtual time.
export { compileMachine, tryCompileMachine, type CompileResult } from './compile.ts';
export { UnsupportedStatechartError, type UnsupportedFeature } from './unsupported.ts';
export {
  StatechartRuntime, type RuntimeOptions,
  STATUS_NONE, STATUS_ACTIVE, STATUS_DONE, STATUS_STOPPED, STEP_IDLE, STEP_AGENT, STEP_EXTERNAL,
} from './runtime.ts';
export type { CompiledMachine, XEvent } from './types.ts';
export type { StateValue } from './configs.ts';
export { XStateActorRuntime } from './xstate-fallback.ts';
export { createAgentRuntime, type AgentRuntime, type CreateRuntimeOptions } from './create-runtime.ts';
