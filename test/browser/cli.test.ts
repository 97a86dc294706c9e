// `livelab report result.json --pdf --png` end to end with the real Chromium: the three files land next
// to the result, the PDF is A4 and the PNG a picture.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFullResult } from '../../reports/fixtures.ts';
import { main } from '../../runner/cli.ts';
import { tmp } from './harness.ts';

describe('livelab report --pdf --png', () => {
  it('writes report.html, report.pdf and report.png next to result.json', async () => {
    const dir = mkdtempSync(join(tmp, 'cli-'));
    writeFileSync(join(dir, 'result.json'), JSON.stringify(buildFullResult({ minutes: 30 })));
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['node', 'livelab', 'report', join(dir, 'result.json'), '--pdf', '--png'], { out: (t) => void out.push(t), err: (t) => void err.push(t), setExitCode: () => undefined });
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out.join('\n')).toMatch(/wrote .*report\.html[\s\S]*wrote .*report\.pdf[\s\S]*wrote .*report\.png/);
    const pdf = readFileSync(join(dir, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+\s*\]/);
    expect(readFileSync(join(dir, 'report.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
