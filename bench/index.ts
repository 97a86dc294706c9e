// `npm run bench [-- --only=a,b] [--quick]`: runs the registered benchmarks and writes one JSON file per
// benchmark under bench/results/, with the machine it ran on. Benchmarks, not timed tests: they never fail
// a build on speed; the closing notes quote their figures.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { benches, type BenchFlags } from './registry.ts';

function parseFlags(argv: string[]): BenchFlags {
  const flags: BenchFlags = {};
  for (const a of argv) {
    const [k, v] = a.replace(/^--/, '').split('=');
    if (!k) continue;
    flags[k] = v === undefined ? true : /^-?[0-9_.]+$/.test(v) ? Number(v.replaceAll('_', '')) : v;
  }
  return flags;
}

const flags = parseFlags(process.argv.slice(2));
const only = typeof flags.only === 'string' ? new Set(flags.only.split(',')) : null;
const outDir = new URL('./results/', import.meta.url);
mkdirSync(outDir, { recursive: true });
const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemGiB: +(os.totalmem() / 2 ** 30).toFixed(1) };

for (const b of benches) {
  if (only && !only.has(b.name)) continue;
  process.stderr.write(`bench ${b.name} ...\n`);
  const mod = await b.load();
  const result = await mod.default(flags);
  const record = { bench: b.name, date: new Date().toISOString(), machine, flags, ...result };
  writeFileSync(new URL(`${b.name}.json`, outDir), JSON.stringify(record, null, 2) + '\n');
  process.stdout.write(`${b.name}: ${JSON.stringify(result)}\n`);
}
