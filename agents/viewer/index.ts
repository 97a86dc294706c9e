// The viewer agent: one statechart per session, its named implementations, its context and the
// behaviour models it is built from.
export { viewerMachine, type ViewerMachine } from './machine.ts';
export { viewerSetup } from './setup.ts';
export { createContext, viewerStreams, type ViewerContext, type ViewerInput, type ViewerStreams, type CartLine } from './context.ts';
export { SocialLedger, type SocialFeed } from './logic/social-ledger.ts';
export { MEDIA_EVENT_TYPES, type MediaEvent, type ViewerEvent, type TimeSource } from './events.ts';
export { DEFAULT_VIEWER_PARAMS, SHOPPING, type ViewerParams, type ShoppingParams } from './params.ts';
export * as models from './models/index.ts';
