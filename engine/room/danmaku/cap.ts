// The per-viewer rate cap, spread over fan-out ticks. A viewer may be shown at most N comments in any
// 1-second window. Ticks fire at multiples of the tick length T (which must divide 1000 ms), and tick j
// allows floor(N·(j+1)·T/1000) − floor(N·j·T/1000) comments: any 1000/T consecutive ticks then allow
// exactly N in total, so every sliding 1-second window holds at most N, even when N·T/1000 is fractional.

/** How many comments one viewer may be shown from the batch of tick `tick`. */
export function tickAllowance(maxPerSecond: number, tickMs: number, tick: number): number {
  return Math.floor((maxPerSecond * (tick + 1) * tickMs) / 1000) - Math.floor((maxPerSecond * tick * tickMs) / 1000);
}
