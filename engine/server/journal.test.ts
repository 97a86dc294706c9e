import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { duplicateKeys, Journal, JOURNAL_FILE } from './journal.ts';
import { Metrics, parsePrometheus } from './metrics.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'livelab-journal-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('order journal', () => {
  it('keeps the run origin of the first start and gives back inputs, orders and the id counter', () => {
    const dir = tmp();
    const { journal, replay } = Journal.open(dir, { seed: 1, nowEpoch: 1000 });
    expect(replay).toBeNull();
    journal.input(5, { type: 'cart.added', viewer: 1, sku: 'a', qty: 1 });
    journal.order({ t: 6, key: 'k', id: 'order-1', viewer: 1, total: 9.9 });
    journal.ids(77);
    journal.close();
    const again = Journal.open(dir, { seed: 1, nowEpoch: 99_999 });
    expect(again.replay).toMatchObject({ runStartEpoch: 1000, inputs: [{ t: 5 }], orders: [{ key: 'k', id: 'order-1' }], nextViewerId: 77, tornLines: 0 });
    again.journal.close();
  });

  it('drops a torn last line (a crash mid-write) and refuses a corrupt middle', () => {
    const dir = tmp();
    const { journal } = Journal.open(dir, { seed: 1, nowEpoch: 1 });
    journal.order({ t: 1, key: 'k', id: 'o', viewer: 1, total: 1 });
    journal.close();
    appendFileSync(join(dir, JOURNAL_FILE), '{"k":"order","t":2,"ke');
    expect(Journal.read(join(dir, JOURNAL_FILE))).toMatchObject({ tornLines: 1, orders: [{ key: 'k' }] });
    appendFileSync(join(dir, JOURNAL_FILE), '\n{"k":"ids","next":3}\n');
    expect(() => Journal.read(join(dir, JOURNAL_FILE))).toThrow(/not JSON/);
  });

  it('finds keys with more than one order', () => {
    const o = (key: string, id: string) => ({ t: 0, key, id, viewer: 1, total: 1 });
    expect(duplicateKeys([o('a', '1'), o('b', '2')])).toEqual([]);
    expect(duplicateKeys([o('a', '1'), o('a', '2'), o('b', '3'), o('b', '3')]).sort()).toEqual(['a', 'b']);
  });
});

describe('Prometheus metrics', () => {
  it('renders counters and gauges with labels, and parses back', () => {
    const m = new Metrics();
    const c = m.counter('x_total', 'things');
    c.inc({ reason: 'a"b' });
    c.inc({ reason: 'a"b' }, 2);
    m.gauge('g', 'a gauge', () => [[{ role: 'viewer' }, 3]]);
    m.gauge('h', 'plain', () => 1.5);
    const text = m.render();
    expect(text).toContain('# TYPE x_total counter');
    const p = parsePrometheus(text);
    expect(p.get('x_total{reason="a\\"b"}')).toBe(3);
    expect(p.get('g{role="viewer"}')).toBe(3);
    expect(m.value('x_total')).toBe(3);
    expect(m.value('h')).toBe(1.5);
  });
});
