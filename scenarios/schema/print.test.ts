import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioDocument } from './arbitrary.testkit.ts';
import { loadScenario } from './load.ts';
import { printScenario, toDocument } from './print.ts';
import { ScenarioSchema } from './scenario.ts';

const DEFAULT = readFileSync(new URL('../default.yaml', import.meta.url), 'utf8');

describe('printScenario', () => {
  it('parse ∘ print is the identity on generated scenarios', () => {
    fc.assert(
      fc.property(scenarioDocument, (doc) => {
        const s = loadScenario(stringify(doc), 'generated.yaml');
        const printed = printScenario(s);
        expect(loadScenario(printed, 'printed.yaml')).toEqual(s);
        // and the canonical text is a fixed point
        expect(printScenario(loadScenario(printed, 'printed.yaml'))).toBe(printed);
      }),
      { numRuns: 150 },
    );
  });

  it('the same holds through JSON', () => {
    fc.assert(
      fc.property(scenarioDocument, (doc) => {
        const s = loadScenario(JSON.stringify(doc), 'generated.json');
        expect(loadScenario(JSON.stringify(toDocument(s)), 'printed.json')).toEqual(s);
      }),
      { numRuns: 50 },
    );
  });

  it('parsing the document form again changes nothing (what overrides rely on)', () => {
    fc.assert(
      fc.property(scenarioDocument, (doc) => {
        const s = ScenarioSchema.parse(doc);
        expect(ScenarioSchema.parse(toDocument(s))).toEqual(s);
      }),
      { numRuns: 100 },
    );
  });

  it('prints show times as mm:ss and thresholds as text', () => {
    const printed = printScenario(loadScenario(DEFAULT, 'default.yaml'));
    expect(printed).toContain('at: "55:00"');
    expect(printed).toContain('startTime: "20:00"');
    expect(printed).toContain('- qoe.startupMs.p95 < 2000');
    expect(loadScenario(printed, 'p.yaml')).toEqual(loadScenario(DEFAULT, 'default.yaml'));
  });
});
