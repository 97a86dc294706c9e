// The per-viewer player: state, creation, next-event stepping, catch-up, session end.
export { Player, PlayerStore, PHASE, copyPlayer, levelOf, rungOf, partAt } from './state.ts';
export { createPlayer, type PlayerStart } from './create.ts';
export { advance, step, nextEventTime, syncTo, LATENCY_HIGH_HYSTERESIS_MS } from './step.ts';
export { computeNext } from './next.ts';
export { endSession, endedCopy } from './session.ts';
export { catchupRate, nextRate } from './catchup.ts';
export { requestTime } from './download.ts';
