// `audience`: how many viewers, when they arrive (open-model phases with ramps, k6/Artillery style),
// and who they are (a weighted persona mix over the built-in personas' distributions).
import { z } from 'zod';
import { bool, minutes, name, num, oneOf, positive, positiveInt, share, sumsToOne } from '../primitives.ts';
import { BUILT_IN_PERSONAS, INTEREST_DIMS } from '../vocab.ts';

const SHARE_TOLERANCE = 1e-6;

const Phase = z
  .strictObject({
    name: name().describe('phase name, used in reports (warm-up, main, ad-burst…)'),
    duration: minutes().describe('phase length in minutes (or mm:ss, 90s, 10m)'),
    rate: num({ min: 0 }).optional().describe("arrivals per minute at the phase start; absent: the previous phase's end rate (0 for the first)"),
    rampTo: num({ min: 0 }).optional().describe('arrivals per minute at the phase end, ramping linearly from rate; absent: steady at rate'),
    share: num({ gt: 0, max: 1 }).optional().describe('instead of rates: this share of audience.size arrives, evenly over the phase'),
    burst: bool().default(false).describe('marks paid traffic arriving in a spike (an ad buy); reports and the describer call it out'),
  })
  .superRefine((p, ctx) => {
    if (p.share !== undefined && (p.rate !== undefined || p.rampTo !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['share'], input: p.share, message: 'either share or rate/rampTo in one phase, not both' });
    }
  })
  .describe('one arrival phase');

export const ArrivalsSchema = z
  .array(Phase, { error: 'a list of arrival phases' })
  .min(1, { error: 'at least one arrival phase' })
  .superRefine((phases, ctx) => {
    // the totals mean nothing while a phase has a bad number (its own check reports that)
    const bad = (x: number | undefined): boolean => x !== undefined && !(x >= 0);
    if (phases.some((p) => !(p.duration > 0) || bad(p.rate) || bad(p.rampTo) || bad(p.share))) return;
    const shares = phases.reduce((s, p) => s + (p.share ?? 0), 0);
    const rated = phases.filter((p) => p.share === undefined);
    if (rated.length === 0 && Math.abs(shares - 1) > SHARE_TOLERANCE) {
      ctx.addIssue({ code: 'custom', input: Number(shares.toPrecision(12)), message: 'phase shares summing to 1 (±1e-6) when no phase gives a rate' });
    } else if (rated.length > 0 && shares >= 1 - SHARE_TOLERANCE) {
      ctx.addIssue({ code: 'custom', input: Number(shares.toPrecision(12)), message: 'phase shares summing to less than 1, leaving arrivals for the phases with rates' });
    }
    let end = 0;
    let anyRate = false;
    for (const p of rated) {
      const start = p.rate ?? end;
      end = p.rampTo ?? start;
      anyRate ||= start > 0 || end > 0;
    }
    if (rated.length > 0 && !anyRate) ctx.addIssue({ code: 'custom', input: 0, message: 'some phase with a rate or rampTo above 0 (otherwise nobody arrives in the rated phases)' });
    const names = new Set<string>();
    phases.forEach((p, i) => {
      if (names.has(p.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], input: p.name, message: 'a phase name not used by an earlier phase' });
      names.add(p.name);
    });
  });

const Spread = (what: string, median: string) =>
  z
    .strictObject({
      median: positive().describe(median),
      sigma: num({ min: 0 }).describe('log-space spread (0: everyone at the median)'),
    })
    .describe(`${what}: log-normal, half the viewers below the median`);

const Persona = z
  .strictObject({
    name: name().describe('persona name (reports split metrics by it)'),
    weight: share().describe('share of the audience; the weights of the mix sum to 1'),
    like: oneOf(BUILT_IN_PERSONAS).optional().describe('built-in persona to start from; absent: the one with this name, or a generic shopper'),
    budget: Spread('monthly discretionary budget, yuan', 'median yuan per month').optional(),
    priceSensitivity: Spread('price sensitivity (1 = average shopper)', 'median sensitivity').optional(),
    impulse: share().optional().describe('0 = deliberate buyer … 1 = impulse buyer (decision cycle median = 1 − impulse)'),
    patience: Spread('patience: how long a viewer stays when the show neither pleases nor bores them, minutes', 'median minutes').optional(),
    chattiness: Spread('comment and like rate multiplier (1 = median viewer)', 'median multiplier').optional(),
    interests: z
      .partialRecord(z.enum(INTEREST_DIMS, { error: `an interest (${INTEREST_DIMS.join(', ')})` }), num({ min: -1, max: 1 }), { error: 'a mapping of interest: bias' })
      .optional()
      .describe("interest bias per category or topic in [-1, 1], added to the viewer's random interests"),
    followerShare: share().optional().describe('share who already follow the host'),
  })
  .describe('one persona of the mix; absent fields keep the base persona');

export const PersonasSchema = z
  .array(Persona, { error: 'a list of personas' })
  .check(sumsToOne('weight', 'persona weights'))
  .superRefine((ps, ctx) => {
    const names = new Set<string>();
    ps.forEach((p, i) => {
      if (names.has(p.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], input: p.name, message: 'a persona name not used by an earlier persona' });
      names.add(p.name);
    });
  });

export const AudienceSchema = z
  .strictObject({
    size: positiveInt().default(10_000).describe('viewers who arrive over the show (expected total; --viewers overrides)'),
    arrivals: ArrivalsSchema.default([
      { name: 'warm-up', duration: 10, rate: 0, rampTo: 100, burst: false },
      { name: 'main', duration: 110, rate: 100, burst: false },
    ]).describe(
      'open-model arrival phases in order; rates are arrivals/min in proportion: they are scaled so the expected total is audience.size. Phases past the show end are cut; after the last phase nobody arrives',
    ),
    personas: PersonasSchema.default([]).describe('persona mix (weights sum to 1); empty: the built-in mix of agents/personas'),
  })
  .describe('The audience: size, arrival phases and persona mix');

export type Audience = z.output<typeof AudienceSchema>;
export type ArrivalPhase = z.output<typeof Phase>;
export type PersonaMixEntry = z.output<typeof Persona>;
