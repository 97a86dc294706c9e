// The marketing tools of a strategy, one schema each: switch (absent: as the preset says) and parameters
// in the strategist's units. Defaults are engine/marketing's (DEFAULT_MARKETING_CONFIG; a test checks).
import { z } from 'zod';
import { bool, num, oneOf, positive, positiveInt, share } from '../primitives.ts';
import { ALERT_KINDS, COMMENT_INTENTS, DETECTOR_NAMES, LANGS, TARGETING_PUSH } from '../vocab.ts';

const enabled = () => bool().optional().describe('switch; absent: as the preset says');
const weight = () => num({ min: 0 });

export const Cleaning = z
  .strictObject({
    enabled: enabled(),
    dedupeWindowSeconds: positive().default(10).describe('same viewer, same text within this window is a duplicate'),
    floodRatePerSecond: positive().default(1).describe('sustained comments per second per viewer before flood filtering'),
    floodBurst: positiveInt().default(5).describe('comments a viewer may burst before flood filtering'),
    maxRepeatRun: positiveInt().default(8).describe('a run of this many identical characters is filler ("哈哈哈哈哈哈哈哈")'),
    minDiversity: share().default(0.2).describe('a long text with fewer distinct characters than this share is filler'),
    botAfterSpam: positiveInt().default(3).describe('spam drops after which a viewer is muted as a bot'),
  })
  .describe('comment ingestion and cleaning: dedupe, spam, bots, flood and noise filtering');

export const Profiles = z
  .strictObject({
    enabled: enabled(),
    interestHalfLifeSeconds: positive().default(120).describe('half-life of inferred category interest'),
    weights: z
      .strictObject({
        view: weight().default(1).describe('interest per product view'),
        dwellPerSecond: weight().default(0.1).describe('interest per second on a product card'),
        cart: weight().default(3).describe('interest per add-to-cart'),
        order: weight().default(5).describe('interest per order'),
        mention: weight().default(1).describe('interest per comment naming the category'),
      })
      .prefault({})
      .describe('interest added per behaviour'),
  })
  .describe('viewer profiles built online from behaviour (never from the hidden persona)');

const Targeting = z
  .strictObject({
    enabled: enabled(),
    push: oneOf(TARGETING_PUSH).default('by-propensity').describe('what a segment change pushes: a coupon, a product card, or by spending propensity'),
    couponDiscount: share().default(0.1).describe('coupon value as a share of the SKU price'),
    minGapSeconds: num({ min: 0 }).default(30).describe('least time between two pushes to one viewer'),
    couponTtlMinutes: positive().default(10).describe('how long a coupon stays valid'),
  })
  .describe('targeting: what a viewer gets pushed when their segment changes');

export const Segments = z
  .strictObject({
    enabled: enabled(),
    hysteresis: num({ min: 0 }).default(0.25).describe('relative margin a new category needs over the current segment to take over'),
    minScore: num({ min: 0 }).default(2).describe('interest a category needs before it can be a segment'),
    targeting: Targeting.prefault({}),
  })
  .describe('real-time interest segments that follow drift, and targeting');

export const Prompts = z
  .strictObject({
    enabled: enabled(),
    thresholdViewers: positiveInt().default(3).describe('distinct viewers asking alike before the host gets a prompt'),
    windowSeconds: positive().default(30).describe('window in which their comments are clustered'),
    cooldownSeconds: num({ min: 0 }).default(60).describe('least time between two prompts on one topic'),
    maxPerTick: positiveInt().default(3).describe('most prompts per tick'),
    intents: z
      .array(oneOf(COMMENT_INTENTS), { error: 'a list of comment intents' })
      .default(['sizing', 'suitability', 'price', 'shipping', 'authenticity', 'complaint'])
      .describe(`comment intents that can become prompts (${COMMENT_INTENTS.join(', ')})`),
    language: oneOf(LANGS).default('zh').describe('prompt language when a cluster is split evenly'),
  })
  .describe('comment analysis → host prompts ("many viewers ask whether it suits sensitive skin")');

export const Funnel = z
  .strictObject({
    enabled: enabled(),
    detector: oneOf(DETECTOR_NAMES).default('cusum').describe('change detector for every signal: cusum, ewma or page-hinkley'),
    perSignal: z
      .partialRecord(z.enum(ALERT_KINDS, { error: `a signal (${ALERT_KINDS.join(', ')})` }), oneOf(DETECTOR_NAMES), { error: 'a mapping of signal: detector' })
      .default({})
      .describe('a different detector for some signals (bounce-burst, conversion-drop, cart-collapse)'),
    params: z
      .strictObject({
        cusum: z
          .strictObject({
            k: num({ min: 0 }).default(0.5).describe('allowance in σ: half the shift to detect'),
            h: positive().default(8).describe('decision threshold in σ (8, not 5: fewer false alarms over 7,200 samples a show)'),
          })
          .prefault({})
          .describe('CUSUM (river/drift/cusum.py)'),
        ewma: z
          .strictObject({
            alpha: num({ gt: 0, max: 1 }).default(0.1).describe('smoothing (river default)'),
            L: positive().default(4).describe('control-limit width in σ (river default)'),
          })
          .prefault({})
          .describe('EWMA control chart (river/drift/ewma.py)'),
        'page-hinkley': z
          .strictObject({
            delta: num({ min: 0 }).default(0.005).describe('tolerated change'),
            lambda: positive().default(50).describe('detection threshold'),
            alpha: num({ gt: 0, max: 1 }).default(0.9999).describe('forgetting factor'),
            minSamples: positiveInt().default(30).describe('samples before any alarm'),
          })
          .prefault({})
          .describe('Page–Hinkley (river/drift/page_hinkley.py)'),
      })
      .prefault({})
      .describe('detector parameters (defaults: river, except CUSUM h)'),
    baseline: z
      .strictObject({
        warmup: positiveInt().default(30).describe('samples to learn μ and σ before any alarm'),
        trackRate: share().default(0.01).describe('EWMA rate at which μ and σ follow slow legitimate change'),
        trackGate: positive().default(3).describe('samples with |z| at or above this do not move the baseline'),
        minSigma: positive().default(1e-6).describe('σ floor'),
      })
      .prefault({})
      .describe("the detectors' running baseline"),
    bounceSeconds: positive().default(30).describe('a viewer leaving within this after joining is a bounce'),
    minEvents: positiveInt().default(20).describe('a ratio sample (conversion, carts) closes once it holds this many events…'),
    maxBatchSeconds: positive().default(30).describe('…or is dropped when it has not after this many seconds'),
    refractorySeconds: num({ min: 0 }).default(30).describe('quiet time after an alert of one kind'),
    graceSeconds: num({ min: 0 }).default(30).describe('scoring: how long after an anomaly ends an alert still counts'),
  })
  .describe('per-second funnel (entered → viewed → carted → checked out → paid) with anomaly alerts');

export const SkuHeat = z
  .strictObject({
    enabled: enabled(),
    halfLifeSeconds: positive().default(60).describe('half-life of heat'),
    weights: z
      .strictObject({
        mention: weight().default(1).describe('per danmaku mention'),
        dwellPerSecond: weight().default(0.1).describe('per second of card dwell'),
        cart: weight().default(2).describe('per add-to-cart'),
        cartRate: weight().default(10).describe('per unit of add-to-cart rate'),
      })
      .prefault({})
      .describe('heat added per signal'),
    pairCards: bool().default(true).describe('a viewer who adds an item to the cart gets the card of the hottest SKU that goes with it (cross-sell)'),
    pairGapSeconds: num({ min: 0 }).default(60).describe('at most one pairing card per viewer per this many seconds'),
  })
  .describe('SKU heat: mentions, dwell and carts → which SKU the host should spend time on, and what to pair with a carted item');

export const Propensity = z
  .strictObject({
    enabled: enabled(),
    weights: z
      .strictObject({
        price: weight().default(0.6).describe('price level of what the viewer looks at'),
        spend: weight().default(0.15).describe('money spent so far'),
        frequency: weight().default(0.1).describe('orders so far'),
        intent: weight().default(0.15).describe('carts and checkouts'),
      })
      .prefault({})
      .describe('weights of the propensity index'),
    thresholds: z
      .strictObject({
        low: share().default(0.2).describe('index below this: low spender (0.2: the lowest third of the weighted price level)'),
        high: share().default(0.4).describe('index at or above this: high spender (0.4: the highest third of the weighted price level)'),
      })
      .refine((t) => t.low < t.high, { error: 'thresholds with low < high' })
      .prefault({})
      .describe('bucket limits of the propensity index (low, mid, high spenders)'),
  })
  .describe('spending propensity per viewer; when on, it orders the pitches (high to high spenders, low to low)');

export const PEAK_WINDOW = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;
export const PromoTiming = z
  .strictObject({
    enabled: enabled(),
    peakWindow: z
      .string({ error: 'a time-of-day window HH:MM-HH:MM' })
      .regex(PEAK_WINDOW, { error: 'a time-of-day window HH:MM-HH:MM' })
      .default('20:00-22:00')
      .describe('peak hours, HH:MM-HH:MM (may wrap past midnight)'),
    shoulderHours: num({ min: 0, max: 12 }).default(1).describe('hours either side of the peak that count as shoulder'),
    countdownSeconds: z
      .strictObject({
        peak: num({ min: 0 }).default(60).describe('flash-sale countdown at peak'),
        shoulder: num({ min: 0 }).default(120).describe('countdown in the shoulder'),
        offPeak: num({ min: 0 }).default(180).describe('countdown off peak'),
        fixed: num({ min: 0 }).default(120).describe('countdown when promotion timing is off (the baseline)'),
      })
      .prefault({})
      .describe('flash-sale countdown lengths by part of the day'),
  })
  .describe('promotion timing: shorter countdowns and high-margin SKUs first at peak, cheap SKUs first off peak');
