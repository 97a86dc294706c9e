// The experiment's progress bar on stderr (only on a terminal): runs done, in-flight runs counted by
// their virtual-time progress, elapsed time and ETA.
import { SingleBar } from 'cli-progress';

export interface ExperimentProgress {
  /** total runs, runs already done (resumed) */
  start(total: number, done: number): void;
  /** runs finished, and the summed fractions of the runs in flight */
  update(done: number, inFlight: number): void;
  stop(): void;
}

const SCALE = 1000;

export function progressBar(title: string, stream: NodeJS.WriteStream = process.stderr): ExperimentProgress | null {
  if (!stream.isTTY) return null;
  const bar = new SingleBar({
    format: `${title} {bar} {percentage}% | {done}/{runs} runs | {duration_formatted} | ETA {eta_formatted}`,
    stream,
    hideCursor: true,
    etaBuffer: 200,
    fps: 5,
  });
  let runs = 0;
  return {
    start(total, done) {
      runs = total;
      bar.start(Math.max(1, total * SCALE), done * SCALE, { done, runs });
    },
    update(done, inFlight) {
      bar.update(Math.round((done + inFlight) * SCALE), { done, runs });
    },
    stop() {
      bar.stop();
    },
  };
}
