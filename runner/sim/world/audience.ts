// Who arrives, when, as whom, on which network. Regular viewers get ids 0..N−1 in arrival order;
// injected anomaly traffic (an ad buy that bounces) gets ids after them, so adding or removing an
// anomaly never changes a regular viewer's id, persona or draws (common random numbers across variants).
import { RngStreams, weightedIndex } from '../../../engine/kernel/index.ts';
import { DEFAULT_PERSONA_CONFIG, type PersonaConfig, type PersonaSegmentConfig } from '../../../agents/personas/index.ts';
import { arrivalPlan, personaOverrides, type Scenario } from '../../../scenarios/schema/index.ts';
import { RateProfile, arrivalTimes } from '../arrivals.ts';

const MIN = 60_000;

export interface Arrivals {
  /** arrival time of viewer i, ms from the show start */
  times: Float64Array;
  /** regular viewers; ids ≥ regular are injected bouncers */
  regular: number;
  /** for bouncers: their stay, minutes (median); 0 for regular viewers */
  bounceMinutes: Float32Array;
}

export function buildArrivals(s: Scenario): Arrivals {
  const streams = new RngStreams(s.seed, s.rng);
  const plan = arrivalPlan(s.audience, s.show.durationMinutes).filter((p) => p.endMinute > p.startMinute);
  const n = s.audience.size;
  // a leading gap (phases may start later than 0) is a phase with no arrivals
  const phases = plan.map((p) => ({ durationMs: (p.endMinute - p.startMinute) * MIN, from: p.startRate, to: p.endRate }));
  const offset = plan.length > 0 ? plan[0]!.startMinute * MIN : 0;
  const regular = phases.some((p) => p.from + p.to > 0) ? arrivalTimes(new RateProfile(phases), n, streams.stream(0, 'arrivals')).map((t) => t + offset) : new Float64Array(n);
  const extra: { t: number; stay: number }[] = [];
  s.anomalies.forEach((a, k) => {
    if (a.type !== 'bounce-burst') return;
    const count = Math.round(a.share * n);
    const times = arrivalTimes(new RateProfile([{ durationMs: a.durationSeconds * 1000, from: 1, to: 1 }]), count, streams.stream(k, 'anomaly.arrivals'));
    for (const t of times) extra.push({ t: a.at * MIN + t, stay: a.bounceSeconds / 60 });
  });
  extra.sort((a, b) => a.t - b.t);
  const times = new Float64Array(n + extra.length);
  times.set(regular);
  const bounceMinutes = new Float32Array(n + extra.length);
  extra.forEach((e, i) => {
    times[n + i] = e.t;
    bounceMinutes[n + i] = e.stay;
  });
  return { times, regular: n, bounceMinutes };
}

/** the persona config: the built-in segments, re-weighted and adjusted by the scenario's mix */
export function buildPersonaConfig(s: Scenario): PersonaConfig {
  if (s.audience.personas.length === 0) return DEFAULT_PERSONA_CONFIG;
  const segments: PersonaSegmentConfig[] = s.audience.personas.map((entry) => {
    const { base, overrides } = personaOverrides(entry);
    const builtIn = DEFAULT_PERSONA_CONFIG.segments.find((x) => x.name === base) ?? DEFAULT_PERSONA_CONFIG.segments[0]!;
    return { ...builtIn, ...overrides, interestBias: { ...builtIn.interestBias, ...(overrides.interestBias ?? {}) } };
  });
  return { ...DEFAULT_PERSONA_CONFIG, segments };
}

/** The network profile each viewer is on: drawn from the scenario's mix with the viewer's own stream. */
export class NetworkAssigner {
  private readonly weights: Float64Array;
  readonly profiles: readonly string[];
  private readonly purpose: number;

  constructor(s: Scenario, private readonly streams: RngStreams) {
    this.profiles = s.network.mix.map((m) => m.profile);
    this.weights = Float64Array.from(s.network.mix, (m) => m.share);
    this.purpose = streams.purpose('network.profile');
  }

  profileOf(viewer: number): number {
    return weightedIndex(this.streams.streamOf(viewer, this.purpose), this.weights);
  }
}
