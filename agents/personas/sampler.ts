// The seeded persona sampler: persona(viewer) depends only on (run seed, viewer id, config), so a viewer
// is the same person in every variant of a comparison (common random numbers, DESIGN.md). Numeric
// traits come from the kernel stream (seed, viewer, 'persona') in a fixed draw order; names and cities
// come after, from their own stream through faker, so turning identity off changes no behaviour.
import { RngStreams, bernoulli, standardNormal, uniform, type Rng } from '../../engine/kernel/index.ts';
import type { NetworkFamily } from '../../engine/protocol.ts';
import { INTEREST_DIMS, INTEREST_SIZE } from './categories.ts';
import { DEFAULT_PERSONA_CONFIG, type PersonaConfig, type PersonaSegmentConfig } from './config.ts';
import { pickIndex, share, spread, table } from './draw.ts';
import { IdentitySampler } from './identity.ts';
import { AGE_BANDS, CITY_TIERS, DEVICES, GENDERS, NETWORK_FAMILIES, type CityTier, type Persona } from './types.ts';
import { checkPersonaConfig } from './validate.ts';

const WEAK = new Set<NetworkFamily>(['weak-4g', '3g']);

export class PersonaSampler {
  private readonly streams: RngStreams;
  private readonly purpose: number;
  private readonly identities: IdentitySampler | null;
  // dense weight tables, built once (the hot loop does no record lookups)
  private readonly segmentW: Float64Array;
  private readonly ageW: readonly Float64Array[];
  private readonly tierW: Float64Array;
  private readonly deviceW: Float64Array;
  private readonly networkW: readonly Float64Array[];
  /** interest bias of each segment as a dense vector */
  private readonly bias: readonly Float32Array[];

  constructor(
    readonly seed: number,
    readonly config: PersonaConfig = DEFAULT_PERSONA_CONFIG,
  ) {
    checkPersonaConfig(config);
    this.streams = new RngStreams(seed);
    this.purpose = this.streams.purpose('persona');
    this.identities = config.identity ? new IdentitySampler(seed) : null;
    this.segmentW = Float64Array.from(config.segments, (s) => s.weight);
    this.ageW = config.segments.map((s) => table(AGE_BANDS, s.ageBands));
    this.tierW = table(CITY_TIERS, config.cityTiers);
    this.deviceW = table(DEVICES, config.devices);
    this.networkW = CITY_TIERS.map((t) => table(NETWORK_FAMILIES, config.networks, (n) => (WEAK.has(n) ? config.weakNetworkByTier[t] : 1)));
    this.bias = config.segments.map((s) => Float32Array.from(INTEREST_DIMS, (d) => s.interestBias[d] ?? 0));
  }

  /** the persona of `viewer`; the same (seed, viewer, config) always gives the same persona */
  persona(viewer: number): Persona {
    const c = this.config;
    const rng = this.streams.streamOf(viewer, this.purpose);
    const si = pickIndex(rng, this.segmentW);
    const seg = c.segments[si]!;
    const lang = rng.next() < c.zhShare ? 'zh' : 'en';
    const gender = rng.next() < seg.femaleShare ? GENDERS[0] : GENDERS[1];
    const ageBand = AGE_BANDS[pickIndex(rng, this.ageW[si]!)]!;
    const ti = pickIndex(rng, this.tierW);
    const cityTier = CITY_TIERS[ti]!;
    const device = DEVICES[pickIndex(rng, this.deviceW)]!;
    const drawn = NETWORK_FAMILIES[pickIndex(rng, this.networkW[ti]!)]!;
    const network = device === 'desktop' ? 'wifi' : drawn;
    const budgetMonthly = Math.round(spread(rng, seg.budgetMonthly) * c.budgetByTier[cityTier]);
    const priceSensitivity = spread(rng, seg.priceSensitivity);
    const priceExponent = uniform(rng, seg.priceExponent.min, seg.priceExponent.max);
    const interests = drawInterests(rng, this.bias[si]!);
    const decisionCycle = share(rng, seg.decisionCycle);
    const patienceZ = standardNormal(rng);
    const chattiness = spread(rng, seg.chattiness);
    const follower = bernoulli(rng, seg.followerShare);
    const stayMinutes = spread(rng, seg.stayMinutes);
    const id = this.identity(viewer, lang, gender, cityTier);
    return {
      id: viewer, segment: seg.name, lang, name: id.name, region: id.region, city: id.city, ageBand, gender, cityTier, device, network,
      budgetMonthly, priceSensitivity, priceExponent, interests, decisionCycle, patienceZ,
      chattiness, follower, stayMinutes, spammer: seg.spammer,
    };
  }

  segmentOf(name: string): PersonaSegmentConfig | undefined {
    return this.config.segments.find((s) => s.name === name);
  }

  private identity(viewer: number, lang: 'zh' | 'en', gender: Persona['gender'], tier: CityTier) {
    if (this.identities === null) return { name: `viewer-${viewer}`, region: '', city: '' };
    return this.identities.identity(viewer, lang, gender, tier);
  }
}

/** RecSim's user interests U(-1, 1)^n (interest_evolution.py), shifted by the segment's bias, clipped */
function drawInterests(rng: Rng, bias: Float32Array): Float32Array {
  const v = new Float32Array(INTEREST_SIZE);
  for (let i = 0; i < INTEREST_SIZE; i++) v[i] = Math.max(-1, Math.min(1, rng.next() * 2 - 1 + bias[i]!));
  return v;
}
