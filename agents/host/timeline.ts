// The show timeline the host follows: cues at virtual times from the start of the show. The shape is
// engine/room's ShowTimeline (its `events`), restated here because agents do not import engine/room,
// so the runtime can hand the room's validated timeline to the host as it is.
export type HostCue =
  | { readonly at: number; readonly kind: 'segment'; readonly sku: string; readonly category: string; readonly endMs: number }
  | { readonly at: number; readonly kind: 'pitch'; readonly sku: string }
  | { readonly at: number; readonly kind: 'flashsale'; readonly sku: string; readonly price: number; readonly stock: number; readonly durationMs: number }
  | { readonly at: number; readonly kind: 'qa'; readonly durationMs: number };

export interface HostTimeline {
  readonly durationMs: number;
  /** sorted by `at` */
  readonly events: readonly HostCue[];
}

/** A timeline from SKU segments: each segment opens with a pitch, pitches again every `repitchMs`. */
export function simpleTimeline(skus: readonly { sku: string; category: string }[], segmentMs: number, repitchMs = segmentMs / 2): HostTimeline {
  const events: HostCue[] = [];
  skus.forEach((s, i) => {
    const start = i * segmentMs;
    events.push({ at: start, kind: 'segment', sku: s.sku, category: s.category, endMs: start + segmentMs });
    for (let t = start; t < start + segmentMs; t += repitchMs) events.push({ at: t, kind: 'pitch', sku: s.sku });
  });
  return { durationMs: skus.length * segmentMs, events };
}
