// The host agent: follows the show timeline and acts on the marketing engine's prompts.
export { hostMachine, type HostMachine } from './machine.ts';
export { createHostContext, type HostContext, type HostInput } from './context.ts';
export { DEFAULT_HOST_PARAMS, type HostParams } from './params.ts';
export { simpleTimeline, type HostCue, type HostTimeline } from './timeline.ts';
