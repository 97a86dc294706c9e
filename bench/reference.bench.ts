// The reference workload against bench-ref, measured side by side in one run (PERF-BASELINE.md):
// events/s of the kernel + statechart fast path vs plain JS, plain-agentq and XState actors at N
// (default 100k), totals checked bit-identical, live memory per in-session viewer, and a 1M run.
import type { BenchFlags } from './registry.ts';
import { runBenchRef } from './reference/bench-ref.ts';
import { runOursTimed } from './reference/run.ts';

export default async function referenceBench(flags: BenchFlags): Promise<Record<string, unknown>> {
  const n = Number(flags.n ?? (flags.quick ? 10_000 : 100_000));
  const seed = Number(flags.seed ?? 42);
  const impls = typeof flags.impls === 'string' ? flags.impls.split(',') : ['plain', 'plain-agentq', 'xstate-actors'];
  const ours = runOursTimed(n, seed, true);
  const our = ours.result as { totals: unknown; events_per_s_loop: number; loop_s: number; probe_kb_per_active: number };
  const rows: Record<string, unknown>[] = [{ impl: 'livelab-fastpath', loop_s: our.loop_s, events_per_s_loop: our.events_per_s_loop, wall_s: ours.wall_s, max_rss_mb: ours.maxRssMb, live_kb_per_viewer: our.probe_kb_per_active }];
  const ratios: Record<string, number> = {};
  let identical = true;
  for (const impl of impls) {
    process.stderr.write(`  bench-ref ${impl} at n=${n} ...\n`);
    const r = runBenchRef(impl, n, seed);
    const same = JSON.stringify(r.totals) === JSON.stringify(our.totals);
    identical &&= same;
    ratios[`livelab_over_${impl}`] = +(our.events_per_s_loop / r.events_per_s_loop).toFixed(3);
    rows.push({ impl, loop_s: r.loop_s, events_per_s_loop: r.events_per_s_loop, wall_s: r.wall_s, max_rss_mb: r.maxRssMb, totals_identical: same });
  }
  const result: Record<string, unknown> = { n, seed, totals: our.totals, totals_identical_to_bench_ref: identical, rows, ratios };
  if (!flags.quick && !flags['skip-1m']) {
    process.stderr.write('  livelab at n=1,000,000 ...\n');
    const big = runOursTimed(1_000_000, seed, false);
    const b = big.result as { loop_s: number; events_per_s_loop: number; totals: { events: number } };
    result.million = { wall_s: big.wall_s, loop_s: b.loop_s, events: b.totals.events, events_per_s_loop: b.events_per_s_loop, max_rss_mb: big.maxRssMb };
  }
  return result;
}
