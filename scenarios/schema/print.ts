// The canonical form of a scenario: every field explicit, in schema order, times as "mm:ss",
// thresholds as 'metric op value'. loadScenario(printScenario(s)) deep-equals s (a property test).
import { Document, Scalar, visit } from 'yaml';
import { formatClock } from './primitives.ts';
import type { Scenario } from './scenario.ts';
import { formatThreshold } from './sections/thresholds.ts';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function plain(x: unknown, key: string | undefined): unknown {
  if (Array.isArray(x)) return x.map((v) => plain(v, undefined));
  if (isObj(x)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (v !== undefined) out[k] = plain(v, k);
    return out;
  }
  // show times read as a clock; one that is not a whole number of seconds stays in minutes
  if (key === 'at' && typeof x === 'number') return formatClock(x) ?? x;
  return x;
}

/** The scenario as a plain document in input form (what a file would say), deep-copied. */
export function toDocument(s: Scenario): Record<string, unknown> {
  const { thresholds, variants, ...rest } = s;
  const doc = plain(rest, undefined) as Record<string, unknown>;
  doc.thresholds = thresholds.map(formatThreshold);
  doc.variants = structuredClone(variants);
  return doc;
}

// YAML 1.1 readers take 20:00 for the number 1200 (sexagesimal): clock-like strings are quoted
const CLOCK_LIKE = /^\d+:\d\d(:\d\d)?(-\d+:\d\d)?$/;

/** The canonical YAML text of a scenario. */
export function printScenario(s: Scenario): string {
  const doc = new Document(toDocument(s), { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && CLOCK_LIKE.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ lineWidth: 0 });
}
