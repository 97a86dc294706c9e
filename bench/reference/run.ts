// `npm run bench:reference -- --n=N --seed=S [--probe] [--compare[=plain,plain-agentq,xstate-actors]]`
// Runs the reference workload through the kernel and the statechart fast path and prints one line
// `RESULT {json}` with bench-ref's `totals` and `loop_s`. --probe adds live memory per in-session viewer
// (forced GC at t = 30 min, as bench-ref does). --compare also runs bench-ref's implementations on this
// machine in the same run, checks that their totals are bit-identical to ours, and prints the ratios.
import path from 'node:path';
import { runBenchRef, runTimedNode, BENCH_REF_DIR } from './bench-ref.ts';
import { runReference } from './workload.ts';

function flags(argv: string[]): Record<string, string | true> {
  const o: Record<string, string | true> = {};
  for (const a of argv) {
    const [k, v] = a.replace(/^--/, '').split('=');
    if (k) o[k] = v ?? true;
  }
  return o;
}

const liveMb = (): number => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('--probe needs node --expose-gc (npm run bench:reference passes it)');
  gc();
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external + m.arrayBuffers) / 2 ** 20;
};

/** One in-process run; returns the RESULT record. */
export function measureReference(n: number, seed: number, probe: boolean): Record<string, unknown> {
  const base = probe ? liveMb() : 0;
  let probeResult: Record<string, number> = {};
  const t0 = performance.now();
  const run = runReference({
    n,
    seed,
    probeAt: probe ? 1_800_000 : undefined,
    onProbe: (T) => {
      const live = liveMb();
      probeResult = { probe_active: T.active, probe_live_mb: +live.toFixed(1), probe_base_mb: +base.toFixed(1), probe_kb_per_active: +(((live - base) * 1024) / T.active).toFixed(3) };
    },
  });
  const loopMs = performance.now() - t0 - (probe ? 0 : 0);
  return {
    impl: 'livelab-fastpath',
    n,
    seed,
    totals: run.totals,
    loop_s: +(loopMs / 1000).toFixed(3),
    events_per_s_loop: Math.round(run.totals.events / (loopMs / 1000)),
    macrosteps: run.macrosteps,
    configurations: run.configurations,
    slots_per_agent: run.slotsPerAgent,
    heap_used_mb_end: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    ...probeResult,
  };
}

/** Our implementation in a child process under /usr/bin/time, for wall time and max RSS like bench-ref's. */
export function runOursTimed(n: number, seed: number, probe = false) {
  const script = path.resolve('bench/reference/run.ts');
  return runTimedNode(['--max-old-space-size=16384', '--expose-gc', '--import', 'tsx', script, `--n=${n}`, `--seed=${seed}`, ...(probe ? ['--probe'] : [])], process.cwd());
}

async function main() {
  const f = flags(process.argv.slice(2));
  const n = Number(f.n ?? 10_000), seed = Number(f.seed ?? 42);
  const ours = measureReference(n, seed, f.probe === true);
  console.log('RESULT ' + JSON.stringify(ours));
  if (!f.compare) return;
  const impls = typeof f.compare === 'string' ? f.compare.split(',') : ['plain', 'plain-agentq', 'xstate-actors'];
  process.stderr.write(`comparing with bench-ref (${BENCH_REF_DIR}) at n=${n}: ${impls.join(', ')}\n`);
  const ourTotals = JSON.stringify(ours.totals);
  for (const impl of impls) {
    const r = runBenchRef(impl, n, seed);
    const same = JSON.stringify(r.totals) === ourTotals;
    const ratio = (ours.events_per_s_loop as number) / r.events_per_s_loop;
    console.log(`${impl.padEnd(16)} loop ${r.loop_s.toFixed(3)} s  ${r.events_per_s_loop.toLocaleString('en')} ev/s  totals ${same ? 'identical' : 'DIFFERENT'}  livelab/${impl} = ${ratio.toFixed(2)}×`);
    if (!same) process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await main();
