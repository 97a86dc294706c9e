// A small Prometheus registry: counters and gauges with labels, rendered in the text exposition format
// (version 0.0.4). Counters are plain numbers bumped on the hot path; gauges are read when scraped.

type Labels = Record<string, string>;

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  /** label-set key → value */
  values: Map<string, number>;
  read?: () => number | [Labels, number][];
}

function labelKey(labels: Labels | undefined): string {
  if (labels === undefined) return '';
  const keys = Object.keys(labels).sort();
  return keys.map((k) => `${k}="${String(labels[k]).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',');
}

export class Metrics {
  private readonly families = new Map<string, Family>();

  counter(name: string, help: string): Counter {
    const f: Family = { name, help, type: 'counter', values: new Map() };
    this.families.set(name, f);
    return new Counter(f);
  }

  /** A gauge read at scrape time: one number, or labelled values. */
  gauge(name: string, help: string, read: () => number | [Labels, number][]): void {
    this.families.set(name, { name, help, type: 'gauge', values: new Map(), read });
  }

  /** The value of a counter or gauge (sum over label sets unless `labels` picks one). */
  value(name: string, labels?: Labels): number {
    const f = this.families.get(name);
    if (f === undefined) return NaN;
    if (f.read) {
      const r = f.read();
      if (typeof r === 'number') return r;
      return r.filter(([l]) => labels === undefined || labelKey(l) === labelKey(labels)).reduce((s, [, v]) => s + v, 0);
    }
    if (labels !== undefined) return f.values.get(labelKey(labels)) ?? 0;
    let s = 0;
    for (const v of f.values.values()) s += v;
    return s;
  }

  render(): string {
    const lines: string[] = [];
    for (const f of this.families.values()) {
      lines.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
      if (f.read) {
        const r = f.read();
        if (typeof r === 'number') lines.push(`${f.name} ${fmt(r)}`);
        else for (const [l, v] of r) lines.push(`${f.name}${wrap(labelKey(l))} ${fmt(v)}`);
      } else {
        if (f.values.size === 0) lines.push(`${f.name} 0`);
        for (const [k, v] of f.values) lines.push(`${f.name}${wrap(k)} ${fmt(v)}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }
}

export class Counter {
  constructor(private readonly f: Family) {}
  inc(labels?: Labels, by = 1): void {
    const k = labelKey(labels);
    this.f.values.set(k, (this.f.values.get(k) ?? 0) + by);
  }

  /** A counter cell for fixed labels, for the hot path (no label key per increment). */
  cell(labels?: Labels): Cell {
    const k = labelKey(labels);
    if (!this.f.values.has(k)) this.f.values.set(k, 0);
    return new Cell(this.f.values, k);
  }
}

export class Cell {
  constructor(
    private readonly values: Map<string, number>,
    private readonly key: string,
  ) {}
  inc(by = 1): void {
    this.values.set(this.key, this.values.get(this.key)! + by);
  }
}

const wrap = (k: string): string => (k === '' ? '' : `{${k}}`);
const fmt = (v: number): string => (Number.isFinite(v) ? String(v) : v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN');

/** Parses Prometheus text into name{labels} → value (for clients and tests; comments skipped). */
export function parsePrometheus(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const sp = line.lastIndexOf(' ');
    if (sp <= 0) continue;
    out.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  return out;
}
