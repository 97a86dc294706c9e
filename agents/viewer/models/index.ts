// The viewer's behaviour models, one small module each, every default cited or marked as an assumption.
export * from './time.ts';
export * from './normal.ts';
export * from './startup-abandonment.ts';
export * from './qoe-hazard.ts';
export * from './leave-hazard.ts';
export * from './boredom.ts';
export * from './interest-drift.ts';
export * from './rates.ts';
export * from './choice.ts';
export * from './returns.ts';
export * from './chat-rates.ts';
export * from './comments/index.ts';
