// fast-check arbitraries of valid scenario documents (input form), for the round-trip properties.
// They cover every section, optional fields present and absent, every time format and every entry type.
import fc from 'fast-check';
import { formatClock } from './primitives.ts';
import { ABR_RULES, ALERT_KINDS, ANOMALY_TYPES, CATEGORIES, COMMENT_INTENTS, DETECTOR_NAMES, INTEREST_DIMS, PROFILE_NAMES, STRATEGY_PRESETS, TIMELINE_CATEGORIES, VERTICALS } from './vocab.ts';

const pos = (max = 1000) => fc.double({ min: 0.001, max, noNaN: true }).map((x) => x + 0);
const nonNeg = (max = 1000) => fc.double({ min: 0, max, noNaN: true }).map((x) => x + 0);
const unit = () => fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const strip = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** weights that sum to 1 within rounding */
const weights = (n: number) => fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((ws) => ws.map((w) => w / ws.reduce((a, b) => a + b, 0)));

/** a time point in one of its input forms, and its value in minutes */
const timeInput = fc.oneof(
  fc.integer({ min: 0, max: 240 }),
  nonNeg(240),
  fc.integer({ min: 0, max: 240 * 60 }).map((s) => formatClock(s / 60)!),
);
const minutesOf = (t: number | string): number => (typeof t === 'number' ? t : Number(t.split(':')[0]) + Number(t.split(':')[1]) / 60);

const timelineEntry = fc.oneof(
  fc.record({ type: fc.constant('segment'), category: pick(TIMELINE_CATEGORIES), durationMinutes: opt(pos(30)) }),
  fc.record({ type: fc.constant('pitch'), category: opt(pick(TIMELINE_CATEGORIES)) }),
  fc.record({
    type: fc.constant('flashsale'),
    category: opt(pick(TIMELINE_CATEGORIES)),
    priceOrDiscount: fc.oneof(fc.record({ price: pos(999) }), fc.record({ discount: fc.double({ min: 0.01, max: 0.99, noNaN: true }) }), fc.constant({})),
    stock: opt(fc.integer({ min: 1, max: 1000 })),
    durationMinutes: opt(pos(10)),
    countdownSeconds: opt(nonNeg(300)),
  }).map(({ priceOrDiscount, ...e }) => ({ ...e, ...priceOrDiscount })),
  fc.record({ type: fc.constant('qa'), durationMinutes: opt(pos(10)), topic: opt(fc.string()) }),
);

// entries sorted by time; segments get no explicit length, so they never overlap
const timeline = fc.array(fc.tuple(timeInput, timelineEntry), { maxLength: 8 }).map((xs) =>
  xs
    .sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]))
    .map(([at, e]) => strip({ ...e, at, ...(e.type === 'segment' ? { durationMinutes: undefined } : {}) })),
);

const show = fc.record(
  { durationMinutes: fc.oneof(pos(300), fc.constantFrom('90m', '2h', '1h30m', '45:00')), startTime: fc.constantFrom('00:00', '09:30', '20:00', '23:59'), epochMs: fc.constantFrom(1, 10, 50, 100, 200, 1000), timeline },
  { requiredKeys: [] },
);

const catalog = fc.oneof(
  fc.record({ vertical: pick(VERTICALS) }, { requiredKeys: [] }),
  fc.record({
    vertical: pick(VERTICALS),
    generate: fc.record({
      categories: fc.array(
        fc.record({ category: pick(CATEGORIES), count: fc.integer({ min: 1, max: 50 }), priceRange: opt(fc.tuple(pos(100), pos(100)).map(([a, b]) => [a, a + b])), stockMedian: opt(pos(900)) }).map(strip),
        { minLength: 1, maxLength: 3 },
      ),
      liveDiscount: opt(fc.double({ min: 0, max: 0.9, noNaN: true })),
    }).map(strip),
  }),
  fc.record({
    skus: fc.uniqueArray(fc.record({ id: word, name: fc.string({ minLength: 1 }), category: pick(CATEGORIES), price: pos(999), margin: opt(fc.double({ min: 0, max: 0.9, noNaN: true })), stock: fc.integer({ min: 0, max: 999 }), variants: opt(fc.array(fc.string({ minLength: 1 }), { maxLength: 3 })) }).map(strip), {
      minLength: 1,
      maxLength: 4,
      selector: (s) => s.id,
    }),
  }),
);

const spread = fc.record({ median: pos(5000), sigma: nonNeg(2) });
const persona = fc.record(
  {
    like: pick(['beauty-fan', 'lurker', 'family'] as const),
    budget: spread,
    priceSensitivity: spread,
    impulse: unit(),
    patience: spread,
    chattiness: spread,
    interests: fc.dictionary(pick(INTEREST_DIMS), fc.double({ min: -1, max: 1, noNaN: true }).map((x) => x + 0), { maxKeys: 3 }),
    followerShare: unit(),
  },
  { requiredKeys: [] },
);
const personas = fc.integer({ min: 0, max: 4 }).chain((n) =>
  fc.tuple(weights(n), fc.array(persona, { minLength: n, maxLength: n })).map(([ws, ps]) => ps.map((p, i) => ({ name: `p${i}`, weight: ws[i]!, ...p }))),
);

const ratedPhase = fc.record({ duration: pos(60), rate: opt(nonNeg(500)), rampTo: opt(nonNeg(500)), burst: opt(fc.boolean()) }, { requiredKeys: ['duration'] });
const arrivals = fc.oneof(
  fc.array(ratedPhase, { minLength: 1, maxLength: 4 }).map((ps) => ps.map((p, i) => ({ name: `phase-${i}`, ...strip(p), ...(i === 0 ? { rate: 10 } : {}) }))),
  fc.integer({ min: 1, max: 3 }).chain((n) => weights(n).map((ws) => ws.map((share, i) => ({ name: `phase-${i}`, duration: 10 + i, share })))),
);
const audience = fc.record({ size: fc.integer({ min: 1, max: 1_000_000 }), arrivals, personas }, { requiredKeys: [] });

const network = fc
  .uniqueArray(pick(PROFILE_NAMES), { minLength: 1, maxLength: 4 })
  .chain((profiles) =>
    fc.record(
      {
        mix: weights(profiles.length).map((ws) => profiles.map((profile, i) => ({ profile, share: ws[i]! }))),
        events: fc.array(
          fc.oneof(
            fc.record({ type: fc.constant('tunnel'), at: timeInput, durationSeconds: opt(pos(60)), share: opt(unit()), profiles: opt(fc.subarray(profiles)) }).map(strip),
            fc.record({ type: fc.constant('handover'), at: timeInput, interruptionMs: opt(nonNeg(500)), rttSpikeMs: opt(nonNeg(500)) }).map(strip),
            fc.record({ type: fc.constant('congestion'), at: timeInput, durationSeconds: fc.constant(600), capacityShare: opt(fc.double({ min: 0.01, max: 1, noNaN: true })), rampSeconds: opt(nonNeg(300)) }).map(strip),
          ),
          { maxLength: 3 },
        ),
        abr: fc.record({ rule: pick(ABR_RULES), ladderKbps: fc.uniqueArray(fc.integer({ min: 50, max: 9000 }), { minLength: 1, maxLength: 6 }).map((xs) => xs.sort((a, b) => a - b)) }, { requiredKeys: [] }),
      },
      { requiredKeys: ['mix'] },
    ),
  );

// switches of dependent tools set consistently (profiles ⊇ segments ⊇ targeting, profiles ⊇ propensity)
const strategy = fc
  .record({
    preset: pick(STRATEGY_PRESETS),
    name: opt(word),
    profiles: fc.boolean(),
    segments: fc.boolean(),
    targeting: fc.boolean(),
    propensity: fc.boolean(),
    free: fc.record({ cleaning: opt(fc.boolean()), prompts: opt(fc.boolean()), funnel: opt(fc.boolean()), skuHeat: opt(fc.boolean()), promoTiming: opt(fc.boolean()) }),
    thresholdViewers: opt(fc.integer({ min: 1, max: 20 })),
    intents: opt(fc.subarray([...COMMENT_INTENTS])),
    detector: opt(pick(DETECTOR_NAMES)),
    perSignal: opt(fc.dictionary(pick(ALERT_KINDS), pick(DETECTOR_NAMES), { maxKeys: 2 })),
    peakWindow: opt(fc.constantFrom('20:00-22:00', '19:30-23:00', '22:00-02:00')),
    push: opt(fc.constantFrom('coupon', 'card', 'by-propensity')),
  })
  .map((s) => {
    const seg = s.profiles && s.segments;
    return strip({
      preset: s.preset,
      name: s.name,
      cleaning: strip({ enabled: s.free.cleaning }),
      profiles: { enabled: s.profiles },
      segments: { enabled: seg, targeting: strip({ enabled: seg && s.targeting, push: s.push }) },
      prompts: strip({ enabled: s.free.prompts, thresholdViewers: s.thresholdViewers, intents: s.intents }),
      funnel: strip({ enabled: s.free.funnel, detector: s.detector, perSignal: s.perSignal }),
      skuHeat: strip({ enabled: s.free.skuHeat }),
      propensity: { enabled: s.profiles && s.propensity },
      promoTiming: strip({ enabled: s.free.promoTiming, peakWindow: s.peakWindow }),
    });
  });

const anomalies = fc.array(
  fc.oneof(
    fc.record({ type: fc.constant(ANOMALY_TYPES[0]), at: timeInput, share: opt(fc.double({ min: 0.001, max: 1, noNaN: true })) }).map(strip),
    fc.record({ type: fc.constant(ANOMALY_TYPES[1]), at: timeInput, failureRate: opt(fc.double({ min: 0.001, max: 1, noNaN: true })) }).map(strip),
    fc.record({ type: fc.constant(ANOMALY_TYPES[2]), at: timeInput, appeal: opt(unit()) }).map(strip),
  ),
  { maxLength: 3 },
);

const thresholds = fc.array(
  fc
    .tuple(pick(['qoe', 'commerce', 'viewers', 'funnel', 'marketing', 'engine']), fc.array(fc.stringMatching(/^[a-zA-Z0-9]{1,8}$/), { minLength: 1, maxLength: 3 }), pick(['<', '<=', '>', '>=', '==', '!=']), fc.double({ noNaN: true, noDefaultInfinity: true }))
    .map(([g, rest, op, v]) => `${[g, ...rest].join('.')} ${op} ${v + 0}`),
  { maxLength: 4 },
);

const variants = fc.dictionary(
  word.filter((w) => w !== '__proto__'),
  fc.record({ 'audience.size': fc.integer({ min: 1, max: 100_000 }), seed: fc.nat(), 'show.startTime': fc.constantFrom('19:00', '21:30') }, { requiredKeys: [] }),
  { maxKeys: 3 },
);

/** A valid scenario document, as a file would hold it. */
export const scenarioDocument = fc.record(
  { name: word, description: fc.string(), seed: fc.nat(), rng: fc.constantFrom('sfc32', 'alea'), show, catalog, audience, network, strategy, anomalies, thresholds, variants },
  { requiredKeys: [] },
);
