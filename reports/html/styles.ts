// The page's stylesheet: one readable column (fits A4 with 12 mm margins), CJK-capable fonts, figures
// that never split across printed pages, and a print layout without the screen chrome.
import { FONT } from '../charts/theme.ts';

export const STYLES = `
:root { --ink: #1f2328; --muted: #5b636e; --line: #d8dde3; --bg-soft: #f5f7fa; --good: #1f7a4a; --bad: #b3261e; --accent: #2f6db5; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.5 ${FONT}; }
main { max-width: 760px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; padding-top: 8px; border-top: 2px solid var(--ink); }
h3 { font-size: 14px; margin: 18px 0 4px; }
h4 { font-size: 13px; margin: 12px 0 2px; color: var(--muted); font-weight: 600; }
p { margin: 4px 0 8px; }
.lede { color: var(--muted); margin: 0 0 12px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 12.5px; margin: 8px 0; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
.repro { background: var(--bg-soft); border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; font: 12.5px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; white-space: pre-wrap; }
.verdict { display: inline-block; font-weight: 700; padding: 1px 8px; border-radius: 10px; font-size: 12px; }
.pass { color: var(--good); } .fail { color: var(--bad); }
.verdict.pass { background: #e3f4ea; } .verdict.fail { background: #fbe4e2; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; margin: 6px 0 10px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); background: var(--bg-soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; margin: 10px 0; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; break-inside: avoid; }
.figure .label { color: var(--muted); font-size: 12px; }
.figure .value { font-size: 20px; font-weight: 700; font-variant-numeric: tabular-nums; }
.figure .sub { color: var(--muted); font-size: 11.5px; }
figure.chart { margin: 12px 0 16px; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-size: 12.5px; color: var(--muted); margin-top: 2px; }
figure.chart .title { font-weight: 600; color: var(--ink); font-size: 13.5px; margin-bottom: 4px; }
.view { min-height: 40px; overflow-x: auto; }
.view svg { max-width: 100%; height: auto; }
.view[data-rendered="error"] { color: var(--bad); }
.missing { border: 1px dashed var(--line); border-radius: 6px; padding: 8px 12px; color: var(--muted); font-size: 12.5px; margin: 10px 0; background: #fcfcfd; break-inside: avoid; }
.missing strong { color: var(--ink); font-weight: 600; }
.missing code, code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
.ugc { overflow-wrap: anywhere; }
.examples { color: var(--muted); font-size: 12px; }
.sig { font-weight: 700; }
#comparison-table td.num { white-space: normal; font-size: 12px; }
#comparison-table td.num > span { font-weight: 600; font-size: 13px; }
footer { margin-top: 36px; color: var(--muted); font-size: 11.5px; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4; margin: 12mm 12mm 14mm; }
@media print {
  body { font-size: 12px; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, .figures { break-inside: avoid; }
  tr { break-inside: avoid; }
  .view { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
@media (max-width: 640px) { .figures { grid-template-columns: repeat(2, 1fr); } }
`;
