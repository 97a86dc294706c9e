// Network profiles: what a viewer's link does over time (rate, round trip, jitter, loss, outages), as data.
// Fixed traces (Chrome presets, MMSys'20 patterns, imported traces), per-viewer families (4G, weak 4G,
// 3G, Wi-Fi), scripted events laid over any profile, summaries and importers. The only door in.
export * from './types.ts';
export * from './trace/index.ts';
export * from './overlay/index.ts';
export * from './presets/index.ts';
export { instantiate } from './instantiate.ts';
export { PROFILE_NAMES, getProfile, lookupProfile, profileProblem, suggestProfiles, isProfileName, editDistance, type ProfileName } from './registry.ts';
export { summarizeProfile, weightedStat, SUMMARY_WINDOW_MS, type ProfileSummary, type Stat, type SampleOptions } from './summary.ts';
export * from './import/index.ts';
