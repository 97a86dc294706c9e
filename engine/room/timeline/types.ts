// The host's show timeline as data: SKU segments and the events that happen at given virtual times.
// A segment is the span in which one SKU is on stage; events are pitches, flash sales and Q&A blocks.

export interface TimelineSegment {
  readonly sku: string;
  readonly category: string;
  /** virtual ms from the start of the show, inclusive */
  readonly startMs: number;
  /** exclusive */
  readonly endMs: number;
}

export type TimelineEvent =
  /** a segment begins (derived from `segments`, so a consumer of events sees every change) */
  | { readonly at: number; readonly kind: 'segment'; readonly sku: string; readonly category: string; readonly endMs: number }
  | { readonly at: number; readonly kind: 'pitch'; readonly sku: string }
  | {
      readonly at: number;
      readonly kind: 'flashsale';
      readonly sku: string;
      readonly price: number;
      readonly stock: number;
      readonly durationMs: number;
    }
  /** the host takes questions for a while */
  | { readonly at: number; readonly kind: 'qa'; readonly durationMs: number };

/** The events a script author writes (segment starts are derived from the segments). */
export type ScriptedEvent = Exclude<TimelineEvent, { kind: 'segment' }>;

export interface TimelineSpec {
  durationMs: number;
  segments: readonly TimelineSegment[];
  events?: readonly ScriptedEvent[];
}

/** A validated timeline: segments sorted and disjoint, events sorted by (at, segment first, script order). */
export interface ShowTimeline {
  readonly durationMs: number;
  readonly segments: readonly TimelineSegment[];
  readonly events: readonly TimelineEvent[];
}
