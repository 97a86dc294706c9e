// Validates a timeline spec (every problem in one pass, STYLE.md §8) and builds the sorted timeline.
import { InputError, type InputProblem } from '../../kernel/index.ts';
import type { ScriptedEvent, ShowTimeline, TimelineEvent, TimelineSpec } from './types.ts';

const isMs = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isPosInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0;

function eventProblems(e: ScriptedEvent, path: string, durationMs: number): InputProblem[] {
  const out: InputProblem[] = [];
  if (!isMs(e.at) || e.at >= durationMs) {
    out.push({ path: `${path}.at`, expected: `a time in [0, ${durationMs}) ms`, value: e.at });
  }
  if (e.kind === 'pitch' || e.kind === 'flashsale') {
    if (typeof e.sku !== 'string' || e.sku === '') out.push({ path: `${path}.sku`, expected: 'a SKU id', value: e.sku });
  }
  if (e.kind === 'flashsale') {
    if (!(typeof e.price === 'number' && e.price > 0)) out.push({ path: `${path}.price`, expected: 'a positive price', value: e.price });
    if (!isPosInt(e.stock)) out.push({ path: `${path}.stock`, expected: 'a positive integer', value: e.stock });
  }
  if (e.kind === 'flashsale' || e.kind === 'qa') {
    if (!(isMs(e.durationMs) && e.durationMs > 0)) out.push({ path: `${path}.durationMs`, expected: 'a positive duration in ms', value: e.durationMs });
  }
  if (!['pitch', 'flashsale', 'qa'].includes((e as { kind: string }).kind)) {
    out.push({ path: `${path}.kind`, expected: "one of 'pitch', 'flashsale', 'qa'", value: (e as { kind: string }).kind });
  }
  return out;
}

/** Builds a timeline, or throws an InputError listing every problem (paths relative to `path`). */
export function createTimeline(spec: TimelineSpec, path = 'timeline'): ShowTimeline {
  const problems: InputProblem[] = [];
  const { durationMs } = spec;
  if (!(isMs(durationMs) && durationMs > 0)) {
    problems.push({ path: `${path}.durationMs`, expected: 'a positive duration in ms', value: durationMs });
  }
  const segments = [...spec.segments].sort((a, b) => a.startMs - b.startMs);
  spec.segments.forEach((s, i) => {
    const p = `${path}.segments.${i}`;
    if (typeof s.sku !== 'string' || s.sku === '') problems.push({ path: `${p}.sku`, expected: 'a SKU id', value: s.sku });
    if (!isMs(s.startMs) || !isMs(s.endMs) || s.startMs >= s.endMs || s.endMs > durationMs) {
      problems.push({ path: p, expected: `0 ≤ startMs < endMs ≤ ${durationMs}`, value: { startMs: s.startMs, endMs: s.endMs } });
    }
  });
  for (let i = 1; i < segments.length; i++) {
    const a = segments[i - 1]!;
    const b = segments[i]!;
    if (b.startMs < a.endMs) {
      problems.push({
        path: `${path}.segments.${spec.segments.indexOf(b)}`,
        expected: `a segment starting at or after ${a.endMs} ms (the end of the segment of ${a.sku})`,
        value: { sku: b.sku, startMs: b.startMs },
      });
    }
  }
  const scripted = spec.events ?? [];
  scripted.forEach((e, i) => problems.push(...eventProblems(e, `${path}.events.${i}`, durationMs)));
  if (problems.length > 0) throw new InputError(problems);

  const tagged: { e: TimelineEvent; rank: number; order: number }[] = [];
  segments.forEach((s, i) =>
    tagged.push({ e: { at: s.startMs, kind: 'segment', sku: s.sku, category: s.category, endMs: s.endMs }, rank: 0, order: i }),
  );
  scripted.forEach((e, i) => tagged.push({ e: { ...e }, rank: 1, order: i }));
  tagged.sort((a, b) => a.e.at - b.e.at || a.rank - b.rank || a.order - b.order);
  return Object.freeze({
    durationMs,
    segments: Object.freeze(segments.map((s) => Object.freeze({ ...s }))),
    events: Object.freeze(tagged.map((t) => Object.freeze(t.e))),
  });
}
