// The LiveLab version, read once from package.json (it goes into every result and report), and the
// fingerprint of the simulation code, which an experiment folder records so that --resume never mixes
// runs made by different simulators (the version string does not change with every commit).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
export const LIVELAB_VERSION: string = pkg.version;

/** What decides a run's results: the model's sources and the locked dependencies (faker, xstate, …). */
const MODEL_SOURCES = ['engine', 'agents', 'network-profiles', 'scenarios/schema', 'runner/sim'];
const NOT_MODEL = /\.(test|testkit|bench)\.ts$|(^|\/)(server|fixtures|testing)(\/|$)/;

function sourcesUnder(rel: string, out: string[]): void {
  for (const e of readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
    const r = `${rel}/${e.name}`;
    if (NOT_MODEL.test(r)) continue;
    if (e.isDirectory()) sourcesUnder(r, out);
    else if (e.name.endsWith('.ts') || e.name.endsWith('.json')) out.push(r);
  }
}

let fingerprint: string | undefined;

/** 16 hex digits of a SHA-256 over the model's source files (sorted, with their paths) and package-lock.json. */
export function modelFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const files: string[] = ['package-lock.json'];
  for (const d of MODEL_SOURCES) sourcesUnder(d, files);
  files.sort();
  const h = createHash('sha256');
  for (const f of files) h.update(`${f}\0`).update(readFileSync(path.join(ROOT, f))).update('\0');
  return (fingerprint = h.digest('hex').slice(0, 16));
}
