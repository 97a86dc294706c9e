import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeScenario } from './describe.ts';
import { loadScenario } from './load.ts';

const DEFAULT = readFileSync(new URL('../default.yaml', import.meta.url), 'utf8');

describe('describeScenario', () => {
  it('mentions size, duration, start, strategy, networks, script, anomalies, thresholds and variants', () => {
    const text = describeScenario(loadScenario(DEFAULT, 'default.yaml'));
    for (const part of ['10,000 viewers', '2-hour', '20:00', 'beauty', 'every marketing tool', '60 % 4G', 'lipstick → eyeshadow', '2 flash sales', 'ad-buy burst', 'bounce burst at 60:00', 'qoe.startupMs.p95 < 2000', 'baseline']) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('\n');
  });

  it('says what a baseline does without tools', () => {
    const text = describeScenario(loadScenario('show: { durationMinutes: 45 }\naudience: { size: 2500 }\nstrategy: { preset: baseline }', 'b.yaml'));
    expect(text).toContain('2,500 viewers');
    expect(text).toContain('45-minute');
    expect(text).toContain('no marketing tools');
  });

  it('names the tools a partial strategy leaves off', () => {
    const text = describeScenario(loadScenario('strategy: { preset: propensity-pitch, skuHeat: { enabled: true } }', 'p.yaml'));
    expect(text).toContain('turns on viewer profiles, SKU heat and propensity-ordered pitches');
    expect(text).toContain('leaves comment cleaning, real-time segments, host prompts from comments, funnel anomaly alerts and promotion timing off');
  });
});
