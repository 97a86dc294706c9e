// The engine's state and its construction. Each tool owns its part and is null when switched off, so
// a switched-off tool costs nothing per event. The state is owned by the engine and updated in place
// (typed arrays for 100k viewers cannot be copied per message); `ingest`/`tick` are still the pure-
// service shape of STYLE.md §5: everything they depend on is in the state and the message.
import { COMMENT_INTENTS, type CommentIntent } from '../protocol.ts';
import { IdAllocator } from '../kernel/index.ts';
import { AlertMonitor } from './alerts/monitor.ts';
import { Cleaner } from './cleaning/cleaner.ts';
import { assertMarketingConfig } from './config-check.ts';
import type { MarketingConfig } from './config.ts';
import { indexCatalog, type CatalogIndex, type CatalogInfo } from './core/catalog.ts';
import { ViewerSlots, type Column } from './core/columns.ts';
import { LatencyRecorder } from './core/latency.ts';
import { Funnel } from './funnel/funnel.ts';
import { Pairing } from './heat/pairing.ts';
import { SkuHeat } from './heat/sku-heat.ts';
import { ProfileStore } from './profiles/profile-store.ts';
import { Prompter } from './prompts/prompter.ts';
import { AudienceMix } from './propensity/audience.ts';
import { SegmentTracker } from './segments/segments.ts';
import { mentionMatcher, type MentionMatcher } from './text/mentions.ts';
import type { MarketingOutbound } from './types.ts';

export interface EngineOptions {
  /** local clock time at which virtual time 0 falls (ms since midnight), for promotion timing; default 20:00 */
  showStartOfDayMs?: number;
  /** expected number of viewers, to size the columns up front (they grow anyway) */
  expectedViewers?: number;
}

export interface TargetingState {
  latency: LatencyRecorder;
  pushed: number;
  suppressed: number;
  lastAt: Column<Float64Array>;
}

export interface MarketingState {
  readonly config: MarketingConfig;
  readonly catalog: CatalogIndex;
  readonly showStartOfDayMs: number;
  readonly slots: ViewerSlots;
  readonly present: Column<Uint8Array>;
  readonly funnel: Funnel;
  readonly mentions: MentionMatcher;
  readonly intents: Record<CommentIntent, number>;
  readonly ids: IdAllocator;
  readonly cleaner: Cleaner | null;
  readonly profiles: ProfileStore | null;
  readonly audience: AudienceMix | null;
  readonly segments: SegmentTracker | null;
  readonly targeting: TargetingState | null;
  readonly prompter: Prompter | null;
  readonly monitor: AlertMonitor | null;
  readonly heat: SkuHeat | null;
  /** heat pairing (heat on and heat.pairCards) */
  readonly pairing: Pairing | null;
  /** pairing cards decided since the last tick (sent at the epoch boundary like every push) */
  readonly pairOut: MarketingOutbound[];
  /** the SKU being pitched (catalog index), -1 before the first pitch */
  currentSku: number;
  /** the latest time seen, for summaries */
  now: number;
  events: number;
}

/** Creates the engine for one run. Throws an InputError listing every problem in the configuration. */
export function createMarketingEngine(config: MarketingConfig, catalogInfo: CatalogInfo, options: EngineOptions = {}): MarketingState {
  assertMarketingConfig(config);
  const catalog = indexCatalog(catalogInfo);
  const slots = new ViewerSlots(options.expectedViewers ?? 1024);
  const profiles = config.profiles.enabled ? new ProfileStore(config.profiles, slots, catalog.categories.length) : null;
  const segments = profiles && config.segments.enabled ? new SegmentTracker(config.segments, slots, profiles.interest) : null;
  return {
    config,
    catalog,
    showStartOfDayMs: options.showStartOfDayMs ?? 20 * 3_600_000,
    slots,
    present: slots.column((n) => new Uint8Array(n)),
    funnel: new Funnel(slots),
    mentions: mentionMatcher(catalog),
    intents: Object.fromEntries(COMMENT_INTENTS.map((i) => [i, 0])) as Record<CommentIntent, number>,
    ids: new IdAllocator(),
    cleaner: config.cleaning.enabled ? new Cleaner(config.cleaning, slots) : null,
    profiles,
    audience: profiles && config.propensity.enabled ? new AudienceMix(slots) : null,
    segments,
    targeting:
      segments && config.targeting.enabled
        ? { latency: new LatencyRecorder(), pushed: 0, suppressed: 0, lastAt: slots.column((n) => new Float64Array(n), -Infinity) }
        : null,
    prompter: config.prompts.enabled ? new Prompter(config.prompts, catalog) : null,
    monitor: config.alerts.enabled ? new AlertMonitor(config.alerts) : null,
    heat: config.heat.enabled ? new SkuHeat(catalog.skus.map((s) => s.sku), config.heat) : null,
    pairing: config.heat.enabled && config.heat.pairCards ? new Pairing(catalog, slots, config.heat.pairGapMs) : null,
    pairOut: [],
    currentSku: -1,
    now: 0,
    events: 0,
  };
}
