// A scenario as the stress runtime needs it: the stack's configuration for the server (catalog, room,
// commerce, marketing), the host's timeline with SKUs, the persona mix and each viewer's network
// profile. Deterministic in the scenario (and its seed): the server, the client processes and the host
// all derive the same world from the same file.
import { RngStreams } from '../../engine/kernel/index.ts';
import type { Catalog, Sku } from '../../engine/commerce/index.ts';
import { buildCatalog } from '../sim/world/catalog.ts';
import { createTimeline, scriptShow, type ScriptedEvent, type ShowTimeline, type TimelineSegment } from '../../engine/room/index.ts';
import type { StackConfig } from '../../engine/stack/index.ts';
import { DEFAULT_PERSONA_CONFIG, type PersonaConfig, type PersonaSegmentConfig } from '../../agents/index.ts';
import { getProfile, type NetworkProfile, type ProfileName } from '../../network-profiles/index.ts';
import { catalogPlan, personaOverrides, toMarketingConfig, toSkuListings, type Scenario } from '../../scenarios/schema/index.ts';

export interface StressWorld {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly catalog: Catalog;
  readonly timeline: ShowTimeline;
  readonly stack: StackConfig;
  readonly personas: PersonaConfig;
  readonly profiles: readonly { name: ProfileName; profile: NetworkProfile; share: number }[];
}

const MIN = 60_000;

/** SKUs matching a timeline category: 'beauty', 'lipstick' or 'beauty.lipstick'. */
function skusOf(catalog: Catalog, category: string | undefined): Sku[] {
  if (category === undefined) return [...catalog.skus];
  const [a, b] = category.split('.');
  const hits = catalog.skus.filter((k) => (b === undefined ? k.category === a || k.subcategory === a : k.category === a && k.subcategory === b));
  return hits.length > 0 ? hits : [...catalog.skus];
}

/** The scenario's timeline with SKUs: categories resolve to their SKUs in catalog order, pitches rotate through them. */
export function buildTimeline(s: Scenario, catalog: Catalog): ShowTimeline {
  const durationMs = s.show.durationMinutes * MIN;
  const entries = s.show.timeline;
  if (entries.length === 0) {
    return scriptShow(
      catalog.skus.map((k) => ({ sku: k.id, category: k.subcategory || k.category, price: k.price })),
      { durationMs },
    );
  }
  const segments: TimelineSegment[] = [];
  const events: ScriptedEvent[] = [];
  const rotation = new Map<string, number>();
  const next = (pool: Sku[], key: string): Sku => {
    const i = rotation.get(key) ?? 0;
    rotation.set(key, i + 1);
    return pool[i % pool.length]!;
  };
  let stage: { pool: Sku[]; key: string } = { pool: [...catalog.skus], key: '*' };
  const segs = entries.filter((e) => e.type === 'segment');
  for (const e of entries) {
    const at = e.at * MIN;
    if (at >= durationMs) continue;
    if (e.type === 'segment') {
      const pool = e.sku ? [catalog.byId.get(e.sku) ?? catalog.skus[0]!] : skusOf(catalog, e.category);
      stage = { pool, key: e.sku ?? e.category };
      const later = segs.find((x) => x.at > e.at);
      const end = Math.min(durationMs, e.durationMinutes !== undefined ? at + e.durationMinutes * MIN : later ? later.at * MIN : durationMs);
      const k = pool[0]!;
      segments.push({ sku: k.id, category: k.subcategory || k.category, startMs: at, endMs: end });
    } else if (e.type === 'pitch') {
      const k = e.sku ? (catalog.byId.get(e.sku) ?? catalog.skus[0]!) : e.category ? next(skusOf(catalog, e.category), e.category) : next(stage.pool, stage.key);
      events.push({ at, kind: 'pitch', sku: k.id });
    } else if (e.type === 'flashsale') {
      const k = e.sku ? (catalog.byId.get(e.sku) ?? catalog.skus[0]!) : e.category ? next(skusOf(catalog, e.category), e.category) : next(stage.pool, stage.key);
      const price = e.price ?? Math.max(0.01, Math.round(k.price * (1 - (e.discount ?? 0.2)) * 100) / 100);
      const durMs = Math.min(e.durationMinutes * MIN, durationMs - at);
      if (durMs > 0) events.push({ at, kind: 'flashsale', sku: k.id, price, stock: e.stock, durationMs: durMs });
    } else {
      events.push({ at, kind: 'qa', durationMs: e.durationMinutes * MIN });
    }
  }
  return createTimeline({ durationMs, segments, events });
}

function personaConfig(s: Scenario): PersonaConfig {
  const mix = s.audience.personas;
  if (mix.length === 0) return DEFAULT_PERSONA_CONFIG;
  const segments: PersonaSegmentConfig[] = mix.map((p) => {
    const { base, overrides } = personaOverrides(p);
    const b = DEFAULT_PERSONA_CONFIG.segments.find((x) => x.name === base) ?? DEFAULT_PERSONA_CONFIG.segments[0]!;
    return { ...b, ...overrides } as PersonaSegmentConfig;
  });
  return { ...DEFAULT_PERSONA_CONFIG, segments };
}

function startOfDayMs(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return (h * 60 + m) * MIN;
}

export function buildWorld(s: Scenario, opts: { fanoutTickMs?: number; expectedViewers?: number } = {}): StressWorld {
  const catalog = buildCatalog(s);
  const timeline = buildTimeline(s, catalog);
  const stack: StackConfig = {
    seed: s.seed,
    catalog,
    room: { fanoutTickMs: opts.fanoutTickMs ?? 200 },
    marketing: toMarketingConfig(s.strategy),
    showStartOfDayMs: startOfDayMs(s.show.startTime),
    expectedViewers: opts.expectedViewers ?? s.audience.size,
  };
  const profiles = s.network.mix.map((m) => ({ name: m.profile as ProfileName, profile: getProfile(m.profile as ProfileName), share: m.share }));
  return { scenario: s, seed: s.seed, catalog, timeline, stack, personas: personaConfig(s), profiles };
}

/** The network profile of a viewer: drawn from the scenario's mix by the viewer's own stream. */
export function profileIndexOf(world: StressWorld, streams: RngStreams, viewer: number): number {
  const u = streams.stream(viewer, 'stress.profile').next();
  let acc = 0;
  for (let i = 0; i < world.profiles.length; i++) {
    acc += world.profiles[i]!.share;
    if (u < acc) return i;
  }
  return world.profiles.length - 1;
}
