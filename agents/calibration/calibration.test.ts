// The calibration experiments as tests: each published figure with the tolerance its row states
// (experiments.ts). A row that fails prints the whole table, so the drift is visible at once.
import { beforeAll, describe, expect, it } from 'vitest';
import { runCalibration, type CalibrationRow } from './experiments.ts';
import { formatTable } from './table.ts';

let rows: CalibrationRow[] = [];
beforeAll(() => {
  rows = runCalibration({ viewers: 2000, seed: 2024 });
}, 60_000);

const row = (id: string) => {
  const r = rows.find((x) => x.id === id);
  if (!r) throw new Error(`no calibration row '${id}'`);
  return r;
};

describe('calibration against published figures', () => {
  it.each([
    ...Array.from({ length: 10 }, (_, i) => `startup-${i + 1}s`),
    'quote-5s', 'quote-10s', 'rebuffer-1pct', 'dobrian-90min', 'stall-vs-startup',
    'kuaishou-10min', 'kuailive-comments', 'kuailive-likes', 'kuailive-gifts', 'returns-apparel',
  ])('%s is within its stated tolerance', (id) => {
    const r = row(id);
    expect(r.pass, `${r.figure}: model ${r.model} vs published ${r.published} (${r.tolerance})\n${formatTable(rows)}`).toBe(true);
  });

  it('reproduces the direction Dobrian reports and the size K&S implies for this audience', () => {
    // loss ≈ 5 % of the mean time played (K&S), far from Dobrian's > 3 min: the disagreement is documented
    const r = row('dobrian-90min');
    expect(r.model).toBeGreaterThan(0.2);
    expect(r.model).toBeLessThan(1.5);
  });
});
