// Plain-text tables for the terminal: a comparison (mean ± CI half-width per variant, the paired
// difference to the baseline, ✱ when significant) and a sweep (objective per setting, best marked).
import { isKeyMetric } from './metrics.ts';
import type { Comparison } from './comparison.ts';
import type { SweepResult } from './types.ts';

const group = (s: string): string => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function fixed(v: number, digits: number): string {
  const s = Math.abs(v).toFixed(digits);
  const [i, f] = s.split('.');
  return `${v < 0 && Number(s) !== 0 ? '-' : ''}${group(i!)}${f !== undefined ? `.${f}` : ''}`;
}

type Kind = 'pct' | 'yuan' | 'time' | 'count';

export function metricKind(metric: string): Kind {
  if (/(Rate|Ratio|retention\.\d+|Precision|Recall)$/.test(metric)) return 'pct';
  if (/(gmv|aov)$/i.test(metric)) return 'yuan';
  if (/(Ms|Seconds|Kbps)(\.p\d+)?$/.test(metric) || /Ms\.|Seconds\.|Kbps\./.test(metric)) return 'time';
  return 'count';
}

/** decimals for a count-like metric: one above 10, else two */
const countDigits = (v: number): number => (Math.abs(v) >= 10 ? 1 : 2);

/** a metric value for people: rates in % (differences of rates in percentage points), money in yuan */
export function fmtValue(metric: string, v: number, signed = false, like = v): string {
  const sign = signed && v > 0 ? '+' : '';
  switch (metricKind(metric)) {
    case 'pct':
      return `${sign}${fixed(v * 100, 2)} ${signed ? 'pp' : '%'}`;
    case 'yuan':
      return `${sign}¥${fixed(v, Math.abs(like) >= 1000 ? 0 : 2)}`.replace('¥-', '-¥');
    case 'time':
      return sign + fixed(v, Math.abs(like) >= 10_000 ? 0 : 1);
    default:
      return sign + fixed(v, countDigits(like));
  }
}

/** the half-width of a CI, in the unit and precision of `like` (the value it goes with) */
export function fmtHalf(metric: string, ci: readonly [number, number], like = (ci[0] + ci[1]) / 2): string {
  const h = (ci[1] - ci[0]) / 2;
  switch (metricKind(metric)) {
    case 'pct':
      return fixed(h * 100, 2);
    case 'yuan':
      return fixed(h, Math.abs(like) >= 1000 ? 0 : 2);
    case 'time':
      return fixed(h, Math.abs(like) >= 10_000 ? 0 : 1);
    default:
      return fixed(h, countDigits(like));
  }
}

export function table(rows: readonly (readonly string[])[], rightFrom = 1): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => {
        const pad = ' '.repeat(widths[c]! - [...cell].length);
        return c >= rightFrom ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

/** the comparison as a table: key metrics first, then the rest; `all: false` keeps the key metrics and significant others */
export function comparisonTable(c: Comparison, opts: { all?: boolean } = {}): string {
  const others = c.variants.filter((v) => v !== c.baseline);
  const head = ['metric', c.baseline === 'baseline' ? 'baseline' : `${c.baseline} (reference)`, ...others.flatMap((v) => [v, `Δ ${v}`])];
  const byKey = new Map(c.metrics.map((m) => [`${m.metric}\u0000${m.variant}`, m]));
  const names = [...new Set(c.metrics.map((m) => m.metric))];
  const rows: string[][] = [head];
  let keyDone = false;
  for (const metric of names) {
    const key = isKeyMetric(metric);
    const cells = [metric];
    const base = byKey.get(`${metric}\u0000${c.baseline}`);
    cells.push(base ? `${fmtValue(metric, base.mean)} ± ${fmtHalf(metric, base.ci95, base.mean)}` : '—');
    let significant = false;
    for (const v of others) {
      const m = byKey.get(`${metric}\u0000${v}`);
      cells.push(m ? `${fmtValue(metric, m.mean, false, base?.mean ?? m.mean)} ± ${fmtHalf(metric, m.ci95, base?.mean ?? m.mean)}` : '—');
      if (m?.diff) significant ||= m.diff.significant;
      cells.push(m?.diff ? `${fmtValue(metric, m.diff.mean, true, base?.mean)} ± ${fmtHalf(metric, m.diff.ci95, base?.mean)}${m.diff.significant ? ' ✱' : '  '}` : '—');
    }
    if (!key && !opts.all && !significant) continue;
    if (!key && !keyDone) {
      keyDone = true;
      if (rows.length > 1) rows.push(head.map(() => ''));
    }
    rows.push(cells);
  }
  return table(rows);
}

export function sweepTable(s: SweepResult): string {
  const metrics = [...new Set(s.objectives.map((o) => o.metric))];
  const head = ['setting', ...s.params.map((p) => p.path), ...metrics];
  const rows = [head, ...s.settings.map((st) => [
    st.label,
    ...s.params.map((p) => formatParam(st.overrides[p.path])),
    ...metrics.map((m) => {
      const e = st.metrics[m];
      if (!e) return '—';
      const mark = s.best.some((b) => b.objective === m && b.label === st.label) ? ' ★' : '  ';
      return `${fmtValue(m, e.mean)} ± ${fmtHalf(m, e.ci95, e.mean)}${mark}`;
    }),
  ])];
  return table(rows, 1 + s.params.length);
}

export function formatParam(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
