// The live ABR player model: per-viewer numeric state on the hot path (ladder, CMAF segments and parts,
// buffer, startup, stalls, latency to live, catch-up rate, seek to live), ABR rules, decision-worthy
// events for the agent, QoE per viewer, and a population helper. The only door into engine/media.
export * from './config.ts';
export * from './events.ts';
export * from './abr/index.ts';
export * from './player/index.ts';
export { qoeOf, type QoeSummary } from './qoe/summary.ts';
export { LATENCY_EDGES_MS, latencyQuantile } from './qoe/latency-histogram.ts';
export { simulatePopulation, dist, type PopulationOptions, type PopulationSummary, type Dist } from './population.ts';
