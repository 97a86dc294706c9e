// The experiment's progress bar on stderr (only on a terminal): runs done, in-flight runs counted by
// their virtual-time progress, elapsed time and ETA. The ETA is the wall time so far over the work done
// by this invocation (resumed runs do not count as speed), times the work left; "…" until there is
// enough to go on.
import { SingleBar } from 'cli-progress';

export interface ExperimentProgress {
  /** total runs, runs already done (resumed) */
  start(total: number, done: number): void;
  /** runs finished, and the summed fractions of the runs in flight */
  update(done: number, inFlight: number): void;
  stop(): void;
}

const SCALE = 1000;

/** seconds as 45s, 3m05s, 1h02m */
export function fmtEta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** the ETA text from the work at start, now, in total (all in runs) and the wall time since start */
export function etaText(startDone: number, done: number, total: number, elapsedMs: number): string {
  const progressed = done - startDone;
  if (done >= total) return '0s';
  // at least 2 % of this invocation's work and 2 s: earlier estimates swing too much to be useful
  if (progressed < Math.max(0.02 * (total - startDone), 1e-9) || elapsedMs < 2000) return '…';
  return fmtEta(((elapsedMs / progressed) * (total - done)) / 1000);
}

export function progressBar(title: string, stream: NodeJS.WriteStream = process.stderr, now: () => number = () => performance.now()): ExperimentProgress | null {
  if (!stream.isTTY) return null;
  const bar = new SingleBar({
    format: `${title} {bar} {percentage}% | {done}/{runs} runs | {duration_formatted} | ETA {etaText}`,
    stream,
    hideCursor: true,
    fps: 5,
  });
  let runs = 0;
  let startDone = 0;
  let t0 = 0;
  return {
    start(total, done) {
      runs = total;
      startDone = done;
      t0 = now();
      bar.start(Math.max(1, total * SCALE), done * SCALE, { done, runs, etaText: etaText(done, done, total, 0) });
    },
    update(done, inFlight) {
      const x = done + inFlight;
      bar.update(Math.round(x * SCALE), { done, runs, etaText: etaText(startDone, x, runs, now() - t0) });
    },
    stop() {
      bar.stop();
    },
  };
}
