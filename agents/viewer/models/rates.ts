// Next-event times for Poisson rates that are boosted for a while after a trigger (a pitch makes
// viewers comment and look at the product more for the next minute or two). Drawing the time of the
// next event from the piecewise-constant rate by inversion needs one uniform and no polling.

/**
 * Time (ms) of the next event of a process with rate `rate·boost` per ms during the first `windowMs`,
 * then `rate`; `u` is a uniform draw in [0, 1).
 */
export function nextEventMs(u: number, rate: number, boost = 1, windowMs = 0): number {
  if (!(rate > 0)) return Infinity;
  const e = -Math.log(1 - u);
  const hot = rate * boost * windowMs;
  if (e <= hot) return e / (rate * boost);
  return windowMs + (e - hot) / rate;
}
