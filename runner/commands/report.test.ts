// `livelab report` end to end through main(): files written where expected, bad input exits 2 with
// located messages and writes nothing, comparison.json gives comparison.html, a missing browser names
// the fix. (Rendering in Chromium: test/browser.)
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildComparison, buildFullResult, buildMinimalResult } from '../../reports/fixtures.ts';
import { main } from '../cli.ts';
import type { CliIo } from '../io.ts';

function capture(): CliIo & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { outText, errText, out: (t) => void outText.push(t), err: (t) => void errText.push(t), setExitCode: () => undefined };
}

const dir = mkdtempSync(join(tmpdir(), 'livelab-report-cli-'));
const write = (name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};
const savedPath = process.env.PUPPETEER_EXECUTABLE_PATH;
afterEach(() => {
  if (savedPath === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
  else process.env.PUPPETEER_EXECUTABLE_PATH = savedPath;
});

describe('livelab report', () => {
  it('writes report.html next to result.json', async () => {
    const file = write('result.json', buildFullResult({ minutes: 30 }));
    const io = capture();
    expect(await main(['node', 'livelab', 'report', file], io)).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<title>LiveLab report: beauty-propensity (propensity), seed 42</title>');
    expect(io.outText.join('')).toContain(join(dir, 'report.html'));
  });

  it('writes to --out and accepts a minimal result', async () => {
    const file = write('minimal.json', buildMinimalResult());
    const out = join(dir, 'elsewhere.html');
    expect(await main(['node', 'livelab', 'report', file, '--out', out], capture())).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('not recorded in this run');
  });

  it('renders comparison.json as comparison.html', async () => {
    const sub = mkdtempSync(join(dir, 'cmp-'));
    const file = join(sub, 'comparison.json');
    writeFileSync(file, JSON.stringify(buildComparison()));
    expect(await main(['node', 'livelab', 'report', file], capture())).toBe(0);
    expect(readFileSync(join(sub, 'comparison.html'), 'utf8')).toContain('id="comparison-table"');
  });

  it.each([
    ['not JSON', '{"schemaVersion": ', ['bad.json (top level): expected a JSON document']],
    ['wrong types and a missing field', (() => { const r = buildFullResult({ minutes: 5 }) as unknown as { viewers: { arrived: unknown }; commerce: { gmv?: unknown } }; r.viewers.arrived = 'many'; delete r.commerce.gmv; return r; })(), ['bad.json viewers.arrived: expected number, got "many"', 'bad.json commerce.gmv: expected number, got nothing']],
    ['comparison with an unknown baseline', { ...buildComparison(), baseline: 'nope' }, ['bad.json baseline: expected one of the variants (baseline, propensity, propensity+heat), got "nope"']],
  ])('exits 2 on %s, naming file, path, value and expectation, and writes nothing', async (_why, doc, messages) => {
    const sub = mkdtempSync(join(dir, 'bad-'));
    const file = join(sub, 'bad.json');
    writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
    const io = capture();
    expect(await main(['node', 'livelab', 'report', file], io)).toBe(2);
    const err = io.errText.join('\n');
    for (const m of messages) expect(err).toContain(m.replace('bad.json', file));
    expect(existsSync(join(sub, 'report.html'))).toBe(false);
    expect(existsSync(join(sub, 'comparison.html'))).toBe(false);
  });

  it('renders a result whose report detail has another shape, warning about each field it leaves out', async () => {
    const r = buildFullResult({ minutes: 5 }) as unknown as { detail: { prompts: { latencyMs: unknown }[] } };
    r.detail.prompts[0]!.latencyMs = 'fast';
    const sub = mkdtempSync(join(dir, 'warn-'));
    const file = join(sub, 'result.json');
    writeFileSync(file, JSON.stringify(r));
    const io = capture();
    expect(await main(['node', 'livelab', 'report', file], io)).toBe(0);
    expect(io.errText.join('\n')).toContain(`warning: ${file} detail.prompts.0.latencyMs: expected number, got "fast" (left out of the report)`);
    expect(readFileSync(join(sub, 'report.html'), 'utf8')).toContain('<code>detail.prompts</code>');
  });

  it('exits 2 naming the fix when no browser is found for --pdf', async () => {
    const file = write('result-pdf.json', buildMinimalResult());
    process.env.PUPPETEER_EXECUTABLE_PATH = join(dir, 'no-such-chromium');
    const io = capture();
    expect(await main(['node', 'livelab', 'report', file, '--pdf', '--out', join(dir, 'nopdf.html')], io)).toBe(2);
    expect(io.errText.join('\n')).toContain("install Debian's chromium: apt-get install -y chromium, or set PUPPETEER_EXECUTABLE_PATH");
    expect(existsSync(join(dir, 'nopdf.pdf'))).toBe(false);
  });
});
