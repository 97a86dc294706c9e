// Scenario files: the one zod schema (types, JSON Schema, docs), the loader with located errors,
// overrides for variants, flags and sweeps, the canonical printer, thresholds, and the describer.
// The only door into scenarios/schema.
export { ScenarioSchema, SECTION_KEYS, type Scenario, type ScenarioInput } from './scenario.ts';
export { loadScenario } from './load.ts';
export { printScenario, toDocument } from './print.ts';
export { applyOverrides, tryOverrides, parseOverride, resolvePath, FLAG_PATHS, type Overrides, type OverrideProblem } from './overrides.ts';
export { BASELINE, variantNames, variantScenario } from './variants.ts';
export { evaluateThresholds, metricPaths, THRESHOLD_OPS, type ThresholdRow } from './thresholds-eval.ts';
export { parseThreshold, formatThreshold, type Threshold } from './sections/thresholds.ts';
export { arrivalPlan, type ArrivalSegment } from './arrivals.ts';
export { describeScenario } from './describe.ts';
export { scenarioJsonSchema } from './json-schema.ts';
export { scenarioReference } from './docs.ts';
export { toMarketingConfig, strategyOverrides } from './to-strategy.ts';
export { toSkuListings, toScriptedEvent, personaOverrides } from './to-engine.ts';
export { catalogPlan, type CatalogSection, type CatalogGenerate, type CatalogSku } from './sections/catalog.ts';
export { toolOn, STRATEGY_TOOLS, ENGINE_TOOL, type StrategySection, type StrategyTool } from './sections/strategy.ts';
export type { Show, TimelineEntry } from './sections/show.ts';
export type { Audience, ArrivalPhase, PersonaMixEntry } from './sections/audience.ts';
export type { Network, NetworkEvent } from './sections/network.ts';
export type { Anomaly } from './sections/anomalies.ts';
export type { Variants } from './sections/variants.ts';
export { parseMinutes, formatClock, hoursOfDay } from './primitives.ts';
export { METRIC_GROUPS, PROFILE_NAMES, VERTICALS } from './vocab.ts';
export { didYouMean } from './levenshtein.ts';
