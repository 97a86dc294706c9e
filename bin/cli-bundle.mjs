// The CLI's sources as one plain-JavaScript module (esbuild, packages left external), cached under
// node_modules/.cache/livelab. Loading runner/cli.ts's ~370 modules through tsx costs seconds (each
// resolve and load is a round trip to tsx's hooks thread; under load much more); one bundle loads in a
// fraction of that. The bundle is reused while every source it was built from keeps its size and mtime
// (a manifest next to it), and rebuilt otherwise. Inside the bundle each module's `import.meta.url` is
// its own source file's URL, and a dynamic import of a computed specifier resolves against the source
// file (through tsx, registered on first use), so modules behave as when loaded one by one.
// Returns null when esbuild or the cache folder is unavailable: the caller then loads the sources
// through tsx. LIVELAB_CLI_BUNDLE=0 turns it off.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const FORMAT = 1; // bump when the bundling below changes
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * URL of an up-to-date bundle of `entry` (a path relative to `root`, by default the project root),
 * or null. `root` is for tests; the cache is always `root`/node_modules/.cache/livelab.
 */
export async function cliBundle(entry, root = projectRoot) {
  if (process.env.LIVELAB_CLI_BUNDLE === '0') return null;
  const cacheDir = path.join(root, 'node_modules', '.cache', 'livelab');
  const ctx = { root, cacheDir, manifestFile: path.join(cacheDir, `${path.basename(entry).replace(/\W/g, '_')}-manifest.json`) };
  try {
    const cached = fresh(entry, ctx);
    if (cached) return pathToFileURL(cached);
    return await build(entry, ctx);
  } catch {
    return null;
  }
}

function fresh(entry, { root, cacheDir, manifestFile }) {
  if (!existsSync(manifestFile)) return null;
  const m = JSON.parse(readFileSync(manifestFile, 'utf8'));
  if (m.format !== FORMAT || m.entry !== entry) return null;
  const bundle = path.join(cacheDir, m.bundle);
  if (!existsSync(bundle)) return null;
  for (const [file, [size, mtimeMs]] of Object.entries(m.inputs)) {
    const s = statSync(path.join(root, file), { throwIfNoEntry: false });
    if (!s || s.size !== size || s.mtimeMs !== mtimeMs) return null;
  }
  return bundle;
}

async function build(entry, { root, cacheDir, manifestFile }) {
  const esbuild = await import('esbuild').catch(() => null);
  if (!esbuild) return null;
  const started = Date.now();
  const r = await esbuild.build({
    absWorkingDir: root, entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
    write: false, metafile: true, logLevel: 'silent', legalComments: 'none',
    banner: { js: BANNER },
    plugins: [sourceUrls],
  });
  const code = r.outputFiles[0].text;
  const name = `${path.basename(entry, path.extname(entry))}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  const file = path.join(cacheDir, name);
  mkdirSync(cacheDir, { recursive: true });
  if (!existsSync(file)) {
    atomicWrite(file, code);
    prune(cacheDir, name);
  }
  const inputs = {};
  let settled = true;
  for (const input of Object.keys(r.metafile.inputs)) {
    const s = statSync(path.join(root, input));
    // a source edited while esbuild read it: use this bundle once, but do not record it as current
    if (s.mtimeMs >= started - 2000) settled = false;
    inputs[input] = [s.size, s.mtimeMs];
  }
  if (settled) atomicWrite(manifestFile, JSON.stringify({ format: FORMAT, entry, bundle: name, inputs }));
  return pathToFileURL(file);
}

/** bundles of earlier sources of the same entry, written over an hour ago (a running CLI has read its own) */
function prune(cacheDir, keep) {
  const base = keep.replace(/-[0-9a-f]{16}\.mjs$/, '');
  const hourAgo = Date.now() - 3_600_000;
  for (const f of readdirSync(cacheDir)) {
    if (f === keep || !f.startsWith(`${base}-`) || !/-[0-9a-f]{16}\.mjs$/.test(f)) continue;
    try {
      if (statSync(path.join(cacheDir, f)).mtimeMs < hourAgo) unlinkSync(path.join(cacheDir, f));
    } catch {
      // another run pruned it first
    }
  }
}

function atomicWrite(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

// a computed dynamic import, resolved against its source module (tsx loads a .ts target)
const BANNER = `let __livelabTsx = null;
async function __livelabImport(spec, base) {
  if (/^\\.{1,2}\\//.test(spec)) spec = new URL(spec, base).href;
  if (/\\.[cm]?ts$/.test(spec)) __livelabTsx ??= import('tsx/esm/api').then((m) => m.register());
  if (__livelabTsx) await __livelabTsx;
  return import(spec);
}`;

const sourceUrls = {
  name: 'livelab-source-urls',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      const out = text
        .replace(/\bimport\.meta\.url\b/g, url)
        .replace(/\bimport\(\s*(?!['"`])([A-Za-z_$][\w$]*)\s*\)/g, (_, v) => {
          // a specifier held in a string constant of the module: bundled like a literal import
          const decl = [...text.matchAll(new RegExp(`\\bconst ${v.replace(/\$/g, '\\$')} = ('[^'\\n]*'|"[^"\\n]*");`, 'g'))];
          return decl.length === 1 ? `import(${decl[0][1]})` : `__livelabImport(${v}, ${url})`;
        });
      return { contents: out, loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js' };
    });
  },
};
