// LIVELAB_SERVER_DIAG=1: where a comment's fan-out time goes inside the server, logged to stderr every
// 5 s as p50/p99/max (ms) per stage:
// - readLag: the sender wrote the frame → the server handled it (event-loop and scheduling delay);
// - batchLag: sender wrote → its fan-out batch was made (read lag plus the tick);
// - frameAge: a batch made → a viewer due it was served it (per viewer and batch);
// - sweepDone: the newest batch made → the sweep ended;
// - slice: one fan-out slice's duration; sliceGap: the time since the previous slice ended (the idle time
//   between two ticks' sweeps included, so ~tick-sized gaps are not stalls);
// - advance: one run of the stack on time alone (the 100-ms marketing tick and timers);
// - metrics: rendering /metrics.
// Off, it costs a branch per frame.
const STAGES = ['readLag', 'batchLag', 'frameAge', 'sweepDone', 'slice', 'sliceGap', 'advance', 'metrics'] as const;
export type DiagStage = (typeof STAGES)[number];

export class ServerDiag {
  readonly on = process.env.LIVELAB_SERVER_DIAG === '1';
  private readonly samples = new Map<DiagStage, number[]>(STAGES.map((k) => [k, []]));
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(write: (line: string) => void = (l) => void process.stderr.write(`${l}\n`)) {
    if (!this.on) return;
    this.timer = setInterval(() => write(this.flush()), 5000);
    this.timer.unref();
  }

  add(stage: DiagStage, ms: number): void {
    this.samples.get(stage)!.push(ms);
  }

  /** The line for the samples since the last one (and forgets them). */
  flush(): string {
    const parts: string[] = [];
    for (const [k, v] of this.samples) {
      v.sort((a, b) => a - b);
      const at = (q: number): string => (v.length === 0 ? '-' : v[Math.min(v.length - 1, Math.floor(q * v.length))]!.toFixed(0));
      parts.push(`${k} n=${v.length} p50=${at(0.5)} p99=${at(0.99)} max=${at(1)}`);
      v.length = 0;
    }
    return `diag ${parts.join(' | ')}`;
  }

  close(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
