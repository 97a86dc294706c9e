// `show`: how long the show runs, when it starts (time of day, for promotion timing), the epoch, and the
// host's timeline of SKU segments, pitches, flash sales and Q&A blocks.
import { z } from 'zod';
import { didYouMean } from '../levenshtein.ts';
import { minutes, name, num, positive, positiveInt, text, timeOfDay, timePoint } from '../primitives.ts';
import { TIMELINE_CATEGORIES } from '../vocab.ts';

const category = () =>
  text()
    .superRefine((c, ctx) => {
      if (!TIMELINE_CATEGORIES.includes(c)) {
        const hint = didYouMean(c, TIMELINE_CATEGORIES);
        ctx.addIssue({ code: 'custom', input: c, message: 'a catalog category or subcategory (e.g. beauty, lipstick, beauty.lipstick)', params: hint ? { hint } : {} });
      }
    })
    .describe("a catalog category ('beauty'), subcategory ('lipstick') or both ('beauty.lipstick')");
const sku = () => name().describe('a SKU id; with a listed catalog it must be one of catalog.skus');

const Segment = z
  .strictObject({
    type: z.literal('segment').describe('a block of the show about one category or SKU'),
    at: timePoint().describe('start, from the show start (mm:ss or minutes)'),
    category: category(),
    sku: sku().optional(),
    durationMinutes: minutes().optional().describe('length; absent: until the next segment or the end of the show'),
  })
  .describe('segment: the host presents one category (or one SKU) for a while');

const Pitch = z
  .strictObject({
    type: z.literal('pitch').describe('the host pitches a product'),
    at: timePoint().describe('when, from the show start'),
    sku: sku().optional(),
    category: category().optional(),
  })
  .describe('pitch: the host pitches one SKU; with neither sku nor category, the next SKU the strategy orders in the current segment');

const FlashSale = z
  .strictObject({
    type: z.literal('flashsale').describe('a limited, time-boxed sale'),
    at: timePoint().describe('when the countdown starts, from the show start'),
    sku: sku().optional(),
    category: category().optional(),
    price: positive().optional().describe('flash price in yuan; exclusive with discount'),
    discount: num({ gt: 0, lt: 1 }).optional().describe('flash price as a share off the live price (0.2 = 20 % off); exclusive with price; absent with no price: 0.2'),
    stock: positiveInt().default(100).describe('units on sale'),
    durationMinutes: minutes().default(1).describe('how long the sale stays open after the countdown'),
    countdownSeconds: num({ min: 0 }).optional().describe("countdown length; absent: the strategy's promotion timing decides (or its fixed countdown)"),
  })
  .superRefine((f, ctx) => {
    if (f.price !== undefined && f.discount !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['discount'], input: f.discount, message: 'either price or discount, not both' });
    }
  })
  .describe('flashsale: a countdown, then a limited stock at a lower price');

const QA = z
  .strictObject({
    type: z.literal('qa').describe('a question-and-answer block'),
    at: timePoint().describe('start, from the show start'),
    durationMinutes: minutes().default(2).describe('length'),
    topic: text().optional().describe('what the host answers about (free text, for reports)'),
  })
  .describe('qa: the host answers viewer questions');

export const TimelineEntrySchema = z.discriminatedUnion('type', [Segment, Pitch, FlashSale, QA], { error: "one of 'segment', 'pitch', 'flashsale', 'qa'" });

/** Entries in time order; segments must not overlap (an entry at or after the end never happens). */
const Timeline = z
  .array(TimelineEntrySchema, { error: 'a list of timeline entries' })
  .superRefine((entries, ctx) => {
    let segEnd = -Infinity;
    let segAt = 0;
    entries.forEach((e, i) => {
      const prev = entries[i - 1];
      if (prev && e.at < prev.at) {
        ctx.addIssue({ code: 'custom', path: [i, 'at'], input: e.at, message: `a time at or after the previous entry's (${prev.at} min): list the timeline in time order` });
      }
      if (e.type === 'segment') {
        if (e.at < segEnd) ctx.addIssue({ code: 'custom', path: [i, 'at'], input: e.at, message: `a start at or after ${segEnd} min, the end of the segment at ${segAt} min` });
        segEnd = e.durationMinutes === undefined ? -Infinity : e.at + e.durationMinutes;
        segAt = e.at;
      }
    });
  });

/**
 * Default turnaround of the stack (show.replyDelayMs), model choice: a live-commerce backend answers an
 * order, a coupon or a host's push in a few hundred ms (order placement and payment callbacks, push
 * fan-out through a message queue), and a product card pushed with a pitch still lands seconds before
 * the video shows the pitch (latency to live is 2–5 s). It is also the simulation's lookahead: shards
 * synchronise once per epochMs + replyDelayMs instead of once per epoch.
 */
export const REPLY_DELAY_MS = 400;

export const ShowSchema = z
  .strictObject({
    durationMinutes: minutes().default(120).describe('show length in minutes (also 90m, 2h, 1h30m)'),
    startTime: timeOfDay().default('20:00').describe('time of day the show starts, HH:MM (drives promotion timing: 20:00–22:00 is peak)'),
    epochMs: num({ int: true, min: 1, max: 1000 })
      .refine((x) => 1000 % x === 0, { error: 'an integer number of ms that divides 1000' })
      .default(100)
      .describe('simulation epoch Δ in ms: messages merge every Δ (DESIGN.md); must divide 1000'),
    replyDelayMs: num({ int: true, min: 0, max: 10_000 })
      .default(REPLY_DELAY_MS)
      .describe(
        "the stack's turnaround: what it sends back (order confirmations, product cards, coupons, pitches) leaves this long after the epoch boundary at which it handled the cause, then crosses the viewer's network; rounded up to a whole number of epochs. The simulation synchronises its shards once per epochMs + replyDelayMs, so a longer turnaround also runs faster with --workers > 1",
      ),
    timeline: Timeline.default([]).describe("the host's script in time order; empty: the strategy scripts equal segments over the catalog"),
  })
  .describe('The show: length, start time of day, epoch, server turnaround and the host timeline');

export type Show = z.output<typeof ShowSchema>;
export type TimelineEntry = z.output<typeof TimelineEntrySchema>;
