// The Vega and Vega-Lite runtimes a report inlines, read from node_modules. This is the one file under
// reports/ that reads files; the renderers take the strings as a parameter and stay pure.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ReportAssets {
  /** vega's minified UMD build (defines `vega`) */
  vega: string;
  /** vega-lite's minified UMD build (defines `vegaLite`, needs `vega`) */
  vegaLite: string;
  /** versions, printed in the page footer */
  versions: { vega: string; vegaLite: string };
}

const require = createRequire(import.meta.url);

/** The package's build folder: both packages export only their ESM entry, which lives in build/. */
function buildFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(pkg)), file);
}

function version(source: string, pkg: string): string {
  return /"(\d+\.\d+\.\d+)"/.exec(source.slice(0, 400))?.[1] ?? readVersionFallback(pkg);
}

function readVersionFallback(pkg: string): string {
  const text = readFileSync(join(dirname(require.resolve(pkg)), '..', 'package.json'), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

let cached: ReportAssets | undefined;

export function loadReportAssets(): ReportAssets {
  if (cached) return cached;
  const vega = readFileSync(buildFile('vega', 'vega.min.js'), 'utf8');
  const vegaLite = readFileSync(buildFile('vega-lite', 'vega-lite.min.js'), 'utf8');
  cached = { vega, vegaLite, versions: { vega: readVersionFallback('vega'), vegaLite: version(vegaLite, 'vega-lite') } };
  return cached;
}
