// A flash sale is a countdown, then the sale (docs/scenario-reference.md): the hub announces it at its
// cue and opens it when the countdown ends, for the scripted duration. Promotion timing (on in `full`,
// the show starts 20:30, peak) counts down 60 s; the baseline's fixed countdown is 120 s. Before this,
// the countdown was added to the sale's open window, so a shorter countdown only shortened the sale.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../engine/result.ts';
import type { ReportDetail } from '../../engine/result-detail.ts';
import { resolveScenario } from '../scenario-input.ts';
import { simulate } from './simulate.ts';

const SCENARIO = path.resolve('test/fixtures/small-show.yaml');
const MIN = 60_000;

async function run(variant: string): Promise<RunResult> {
  const { scenario } = await resolveScenario(SCENARIO, { variant });
  return simulate(scenario, { workers: 1, variant });
}
const sales = (r: RunResult) => ((r.detail as unknown as ReportDetail).timeline ?? []).filter((x) => x.kind === 'flashSale');

describe('flash-sale countdown', async () => {
  const [full, baseline] = [await run('full'), await run('baseline')];

  it('opens the sale when the countdown ends: 60 s at peak with promotion timing, the fixed 120 s without', () => {
    expect(sales(full).map((s) => s.startMs)).toEqual([8 * MIN + 60_000]);
    expect(sales(baseline).map((s) => s.startMs)).toEqual([8 * MIN + 120_000]);
  });

  it('keeps the scripted 2-minute sale whatever the countdown (it may sell out sooner)', () => {
    for (const s of [...sales(full), ...sales(baseline)]) {
      expect(s.endMs - s.startMs).toBeLessThanOrEqual(2 * MIN);
      expect(s.endMs - s.startMs).toBeGreaterThan(0);
    }
    expect(full.commerce.orders).toBeGreaterThan(0);
  });
});
