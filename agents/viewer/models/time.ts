// Delays handed to XState's `after` must be finite: an infinite or NaN delay is treated as 0 by clocks
// (it would fire at once). "Never" is therefore a very distant but finite time.

/** ~31.7 years of virtual ms: later than any show, small enough for every timer queue */
export const NEVER_MS = 1e12;

/** a usable `after` delay: NaN and +∞ become NEVER_MS, negatives become 0 */
export function delay(ms: number): number {
  if (!(ms < NEVER_MS)) return NEVER_MS;
  return ms > 0 ? ms : 0;
}
