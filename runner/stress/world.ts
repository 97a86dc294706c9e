// A scenario as the stress runtime needs it: the stack's configuration for the server (catalog, room,
// commerce, marketing), the host's timeline with SKUs, the persona mix and each viewer's network
// profile. Deterministic in the scenario (and its seed): the server, the client processes and the host
// all derive the same world from the same file.
import { RngStreams } from '../../engine/kernel/index.ts';
import type { Catalog } from '../../engine/commerce/index.ts';
import { buildCatalog } from '../sim/world/catalog.ts';
import { buildShow } from '../sim/world/timeline.ts';
import type { ShowTimeline } from '../../engine/room/index.ts';
import type { StackConfig } from '../../engine/stack/index.ts';
import { DEFAULT_PERSONA_CONFIG, type PersonaConfig, type PersonaSegmentConfig } from '../../agents/index.ts';
import { getProfile, type NetworkProfile, type ProfileName } from '../../network-profiles/index.ts';
import { personaOverrides, toMarketingConfig, type Scenario } from '../../scenarios/schema/index.ts';

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
  // the host's script exactly as a simulated show builds it (the same SKUs, pitches and sales). The
  // stress host starts a flash sale at its cue: the countdown before it opens (runner/sim/hub.ts) is not
  // hosted by the server yet.
  const timeline = buildShow(s, catalog).timeline;
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
