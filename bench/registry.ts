// The benchmarks `npm run bench` runs, in order. Each module's default export takes the parsed flags and
// returns a JSON-able record that bench/index.ts writes to bench/results/<name>.json.
export type BenchFlags = Record<string, string | number | boolean>;
export type Bench = (flags: BenchFlags) => Promise<Record<string, unknown>>;

export const benches: { name: string; load: () => Promise<{ default: Bench }> }[] = [
  { name: 'kernel', load: () => import('./kernel.bench.ts') },
  { name: 'reference', load: () => import('./reference.bench.ts') },
  { name: 'commerce', load: () => import('./commerce.bench.ts') },
  { name: 'marketing', load: () => import('./marketing.bench.ts') },
  { name: 'agents', load: () => import('./agents.bench.ts') },
  { name: 'media', load: () => import('./media.bench.ts') },
  { name: 'report', load: () => import('./report.bench.ts') },
  { name: 'compare', load: () => import('./compare.bench.ts') },
  { name: 'stress', load: () => import('./stress.bench.ts') },
  { name: 'run', load: () => import('./run.bench.ts') },
];
