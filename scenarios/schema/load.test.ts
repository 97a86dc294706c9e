import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, formatProblem } from '../../engine/kernel/index.ts';
import { loadScenario } from './load.ts';

const BAD = fileURLToPath(new URL('./fixtures/bad/', import.meta.url));
const DEFAULT = fileURLToPath(new URL('../default.yaml', import.meta.url));

function problemsOf(text: string, file: string): InputError {
  try {
    loadScenario(text, file);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${file}: expected an InputError`);
}

// Each bad file says why it is bad on its first line; FILE.err holds the exact messages, in file order.
const corpus = readdirSync(BAD)
  .filter((f) => !f.endsWith('.err'))
  .sort()
  .map((f) => {
    const text = readFileSync(`${BAD}${f}`, 'utf8');
    const reason = /^\s*(?:#|\/\/)?\s*(.*)/.exec(text.split('\n').find((l) => l.startsWith('#')) ?? '')?.[1] ?? f;
    return [f, reason, text, readFileSync(`${BAD}${f}.err`, 'utf8').trimEnd().split('\n')] as const;
  });

describe('loadScenario: the corpus of bad files', () => {
  it.each(corpus)('%s (%s) gives exactly its located messages', (file, _reason, text, expected) => {
    const err = problemsOf(text, file);
    expect(err.problems.map(formatProblem)).toEqual(expected);
    expect(err.exitCode).toBe(2);
  });

  it.each(corpus)('%s: every problem names file:line:col, path and expectation', (file, _reason, text) => {
    for (const p of problemsOf(text, file).problems) {
      expect(p.file).toBe(file);
      expect(p.line).toBeGreaterThan(0);
      expect(p.col).toBeGreaterThan(0);
      expect(p.expected.length).toBeGreaterThan(0);
      // syntax errors have no value and no path; every schema problem says what it got
      if (!p.expected.startsWith('well-formed')) expect('value' in p).toBe(true);
    }
  });

  it('reports every problem of a file with one in each section, in file order', () => {
    const err = problemsOf(readFileSync(`${BAD}several.yaml`, 'utf8'), 'several.yaml');
    const paths = err.problems.map((p) => p.path.split(/[.[]/)[0]);
    expect(new Set(paths)).toEqual(new Set(['name', 'show', 'catalog', 'audience', 'network', 'strategy', 'anomalies', 'thresholds', 'variants']));
    const lines = err.problems.map((p) => p.line!);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('loadScenario: good files', () => {
  it('loads the shipped default.yaml', () => {
    const s = loadScenario(readFileSync(DEFAULT, 'utf8'), 'default.yaml');
    expect(s.name).toBe('beauty-evening');
    expect(s.audience.size).toBe(10_000);
    expect(s.show.durationMinutes).toBe(120);
    expect(s.network.mix.map((m) => [m.profile, m.share])).toEqual([
      ['4g', 0.6],
      ['weak-4g', 0.25],
      ['3g', 0.1],
      ['wifi', 0.05],
    ]);
    expect(s.thresholds).toEqual([
      { metric: 'qoe.startupMs.p95', op: '<', value: 2000 },
      { metric: 'commerce.conversionRate', op: '>', value: 0.02 },
    ]);
    expect(Object.keys(s.variants)).toEqual(['baseline', 'full']);
  });

  it.each([
    ['an empty file is all defaults', '', 'x.yaml'],
    ['a comment-only file too', '# nothing yet\n', 'x.yaml'],
    ['an empty JSON object', '{}', 'x.json'],
  ])('%s', (_why, text, file) => {
    const s = loadScenario(text, file);
    expect(s.audience.size).toBe(10_000);
    expect(s.strategy.preset).toBe('full');
  });

  it.each([
    ['mm:ss', '"12:30"', 12.5],
    ['h:mm:ss', '"1:02:03"', 62.05],
    ['minutes', '7.5', 7.5],
    ['k6 style', '1h30m', 90],
    ['seconds', '90s', 1.5],
  ])('reads a time point written as %s', (_why, at, minutes) => {
    const s = loadScenario(`anomalies: [{ type: payment-outage, at: ${at} }]`, 't.yaml');
    expect(s.anomalies[0]!.at).toBeCloseTo(minutes, 12);
  });

  it('reads JSON with positions', () => {
    const err = problemsOf('{\n  "audience": {\n    "size": -1\n  }\n}\n', 'x.json');
    expect(err.problems.map(formatProblem)).toEqual(['x.json:3:13 audience.size: expected an integer ≥ 1, got -1']);
  });

  it('cross-checks SKUs named by the timeline against a listed catalog', () => {
    const text = [
      'catalog:',
      '  skus:',
      '    - { id: lip-1, name: Ruby, category: beauty, price: 99, stock: 10 }',
      'show:',
      '  timeline:',
      '    - { type: pitch, at: 1, sku: lip-2 }',
    ].join('\n');
    expect(problemsOf(text, 'c.yaml').problems.map(formatProblem)).toEqual([
      `c.yaml:6:34 show.timeline[0].sku: expected a SKU id listed in catalog.skus, got "lip-2" (did you mean 'lip-1'?)`,
    ]);
  });
});
