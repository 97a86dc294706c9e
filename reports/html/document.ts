// The self-contained page shell: styles, the chart specs (Vega) as a JSON block, and the inlined Vega
// runtime and page script. A Content-Security-Policy forbids every fetch (default-src 'none') and
// allows only these exact scripts by hash, so even an escaping bug could not run injected script.
import { createHash } from 'node:crypto';
import type { ReportAssets } from '../assets.ts';
import { escapeHtml, jsonForScript } from '../escape.ts';
import { RUNTIME } from './runtime.ts';
import { STYLES } from './styles.ts';

export interface ChartEntry {
  id: string;
  /** a Vega spec (compiled from the chart builder's Vega-Lite spec) */
  spec: object;
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function assertInlineable(name: string, js: string): string {
  if (/<\/script/i.test(js) || js.includes('<!--')) throw new Error(`reports: the ${name} runtime contains </script or <!-- and cannot be inlined`);
  return js;
}

export function renderDocument(o: { title: string; body: string; charts: ChartEntry[]; assets: ReportAssets }): string {
  const scripts = [assertInlineable('vega', o.assets.vega), RUNTIME];
  // Vega compiles its expressions with the Function constructor, hence 'unsafe-eval'.
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.map(sha256).join(' ')} 'unsafe-eval'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // hashes are base64 and the rest is fixed text: nothing to escape in the attribute
  if (/["<>&]/.test(csp)) throw new Error('reports: unexpected character in the Content-Security-Policy');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(o.title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    '<noscript><p class="missing">Charts need JavaScript; the tables and figures below are complete without it.</p></noscript>',
    `<main>${o.body}</main>`,
    `<script type="application/json" id="livelab-specs">${jsonForScript(o.charts)}</script>`,
    ...scripts.map((s) => `<script>${s}</script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
