// `network`: which network profiles the audience is on (a mix by share), scripted network events
// (tunnels, handovers, evening cell congestion) and the player's ABR rule and bitrate ladder.
import { z } from 'zod';
import { num, oneOf, positive, share, sortedNumbers, sumsToOne, timePoint } from '../primitives.ts';
import { ABR_RULES, MOBILE_LIVE_LADDER_KBPS, PROFILE_NAMES } from '../vocab.ts';

const MMSYS = PROFILE_NAMES.filter((p) => p.startsWith('mmsys20-'));
const PROFILE_PHRASE = `a network profile: ${[...PROFILE_NAMES.filter((p) => !MMSYS.includes(p)), `or one of the ${MMSYS.length} mmsys20-* traces`].join(', ')}`;
const profile = () => z.enum(PROFILE_NAMES, { error: PROFILE_PHRASE });

const MixEntry = z
  .strictObject({
    profile: profile().describe('network profile name (network-profiles/registry.ts)'),
    share: share().describe('share of viewers on this profile; the shares of the mix sum to 1'),
  })
  .describe('one network profile of the mix');

const Mix = z
  .array(MixEntry, { error: 'a list of {profile, share}' })
  .min(1, { error: 'at least one network profile' })
  .check(sumsToOne('share', 'network shares'))
  .superRefine((mix, ctx) => {
    const seen = new Set<string>();
    mix.forEach((m, i) => {
      if (seen.has(m.profile)) ctx.addIssue({ code: 'custom', path: [i, 'profile'], input: m.profile, message: 'a profile not listed earlier in the mix' });
      seen.add(m.profile);
    });
  });

const who = {
  share: share().default(1).describe('share of the selected viewers affected (drawn per viewer)'),
  profiles: z.array(profile(), { error: 'a list of profile names' }).default([]).describe('only viewers on these profiles; empty: every profile'),
};

const Tunnel = z
  .strictObject({
    type: z.literal('tunnel').describe('no connectivity at all'),
    at: timePoint().describe('start, from the show start'),
    durationSeconds: positive().default(10).describe('how long the connection is lost'),
    ...who,
  })
  .describe('tunnel: the affected viewers lose connectivity for a while');

const Handover = z
  .strictObject({
    type: z.literal('handover').describe('a cell handover'),
    at: timePoint().describe('when, from the show start'),
    interruptionMs: num({ min: 0 }).default(50).describe('interruption, ms (model choice: LTE handovers take tens of ms)'),
    rttSpikeMs: num({ min: 0 }).default(200).describe('extra round trip while the path settles, ms'),
    spikeDurationSeconds: num({ min: 0 }).default(2).describe('how long the round-trip spike lasts'),
    ...who,
  })
  .describe('handover: a short interruption, then a round-trip spike');

const Congestion = z
  .strictObject({
    type: z.literal('congestion').describe('a shared cell gets crowded'),
    at: timePoint().describe('start, from the show start'),
    durationSeconds: positive().default(600).describe('how long the congestion lasts'),
    capacityShare: num({ gt: 0, max: 1 }).default(0.5).describe('share of its usual rate a viewer keeps'),
    rampSeconds: num({ min: 0 }).default(0).describe('ramp into and out of the congested level (at most half the duration)'),
    rttAddMs: num({ min: 0 }).default(0).describe('extra queueing round trip while congested (bufferbloat), ms'),
    ...who,
  })
  .superRefine((c, ctx) => {
    if (2 * c.rampSeconds > c.durationSeconds) ctx.addIssue({ code: 'custom', path: ['rampSeconds'], input: c.rampSeconds, message: `a ramp of at most half the duration (${c.durationSeconds / 2} s)` });
  })
  .describe('congestion: the cell capacity is shared by more viewers (evening peak)');

// the persona sampler's default network shares (agents/personas/config.ts)
const NETWORK_DEFAULT_MIX: { profile: (typeof PROFILE_NAMES)[number]; share: number }[] = [
  { profile: 'wifi', share: 0.45 },
  { profile: '4g', share: 0.35 },
  { profile: 'weak-4g', share: 0.12 },
  { profile: '3g', share: 0.08 },
];

export const NetworkEventSchema = z.discriminatedUnion('type', [Tunnel, Handover, Congestion], { error: "one of 'tunnel', 'handover', 'congestion'" });

const Abr = z
  .strictObject({
    rule: oneOf(ABR_RULES).default('dynamic').describe("ABR rule: throughput, bola, dynamic (dash.js's default: throughput + BOLA), lolp-lite (low latency, LoL+-style)"),
    ladderKbps: sortedNumbers({ gt: 0 }, 'bitrates in kbit/s')
      .default([...MOBILE_LIVE_LADDER_KBPS])
      .describe("bitrate ladder, kbit/s, ascending (default: Apple HLS authoring spec's mobile rungs, engine/media)"),
  })
  .describe("the player's adaptive bitrate rule and ladder");

export const NetworkSchema = z
  .strictObject({
    mix: Mix.default(NETWORK_DEFAULT_MIX).describe('network profiles by share of viewers (shares sum to 1); default: the persona sampler\'s mix'),
    events: z.array(NetworkEventSchema, { error: 'a list of network events' }).default([]).describe('scripted network events'),
    abr: Abr.prefault({}),
  })
  .check(
    z.superRefine(
      (n: unknown, ctx) => {
        // runs even when the mix has a bad entry (every problem in one pass), so it reads defensively
        const obj = (x: unknown): Record<string, unknown> => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {});
        const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
        const known = (p: unknown): p is string => typeof p === 'string' && (PROFILE_NAMES as readonly string[]).includes(p);
        const mix = list(obj(n).mix ?? NETWORK_DEFAULT_MIX).map((m) => obj(m).profile);
        // a mix with an unknown name is reported on its own; which profiles it meant is a guess
        if (!mix.every(known)) return;
        const inMix = new Set(mix);
        list(obj(n).events).forEach((e, i) =>
          list(obj(e).profiles).forEach((p, k) => {
            if (known(p) && !inMix.has(p)) ctx.addIssue({ code: 'custom', path: ['events', i, 'profiles', k], input: p, message: `a profile in network.mix (${[...inMix].join(', ')})` });
          }),
        );
      },
      { when: () => true },
    ),
  )
  .describe('Networks: profile mix, scripted events and ABR');

export type Network = z.output<typeof NetworkSchema>;
export type NetworkEvent = z.output<typeof NetworkEventSchema>;
