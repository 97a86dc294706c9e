// The Vega runtime a report inlines, read from node_modules. This is the one file under reports/ that
// reads files; the renderers take the strings as a parameter and stay pure. Vega-Lite runs at render
// time in Node (chart specs are compiled to Vega before they are embedded), so the page needs only Vega.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ReportAssets {
  /** vega's minified UMD build (defines the global `vega`) */
  vega: string;
  /** versions, printed in the page footer */
  versions: { vega: string; vegaLite: string };
}

const require = createRequire(import.meta.url);

/** a package's own folder: both packages export only their ESM entry, which lives in build/ */
const packageDir = (pkg: string): string => join(dirname(require.resolve(pkg)), '..');
const versionOf = (pkg: string): string => (JSON.parse(readFileSync(join(packageDir(pkg), 'package.json'), 'utf8')) as { version: string }).version;

let cached: ReportAssets | undefined;

export function loadReportAssets(): ReportAssets {
  cached ??= {
    vega: readFileSync(join(packageDir('vega'), 'build', 'vega.min.js'), 'utf8'),
    versions: { vega: versionOf('vega'), vegaLite: versionOf('vega-lite') },
  };
  return cached;
}
