// What a worker thread runs. Loading a worker's modules (~160 for a viewer shard, ~370 for a pool run)
// through tsx in a fresh thread takes seconds, each resolve and load a round trip to tsx's hooks
// thread, while the caller waits. So a worker runs the same cached one-file bundle the `livelab`
// command runs from (bin/cli-bundle.mjs: esbuild, packages left external, each module's import.meta.url
// its own source's, reused while every source keeps its size and mtime). Checking that the bundle is
// current costs a stat per source; building it happens once per change of the sources, not per run.
// Without esbuild or a writable cache the worker boots through worker-boot.mjs and tsx, as before;
// LIVELAB_WORKER_BUNDLE=0 forces that.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WorkerEntry {
  /** what the Worker runs: the bundle, or worker-boot.mjs */
  url: URL;
  /** the worker's source module (worker-boot.mjs imports it through tsx when there is no bundle) */
  entry: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const entries = new Map<string, Promise<WorkerEntry>>();

/** The entry for a worker whose source module is `source` (a file under the project root). */
export function workerEntry(source: URL): Promise<WorkerEntry> {
  const fallback: WorkerEntry = { url: new URL('./worker-boot.mjs', import.meta.url), entry: source.href };
  if (process.env.LIVELAB_WORKER_BUNDLE === '0' || source.protocol !== 'file:') return Promise.resolve(fallback);
  let entry = entries.get(source.href);
  if (entry === undefined) {
    const relative = path.relative(ROOT, fileURLToPath(source));
    entry = import('../bin/cli-bundle.mjs')
      .then((m) => m.cliBundle(relative, ROOT))
      .then((url) => (url ? { url, entry: source.href } : fallback), () => fallback);
    entries.set(source.href, entry);
  }
  return entry;
}
