// Building blocks of the scenario schema: numbers, names, times and durations, each carrying the
// phrase an error prints after "expected" (STYLE.md §8), so every message reads the same way.
import { z } from 'zod';

export interface NumSpec {
  int?: boolean;
  /** inclusive lower bound */
  min?: number;
  /** exclusive lower bound */
  gt?: number;
  /** inclusive upper bound */
  max?: number;
  /** exclusive upper bound */
  lt?: number;
}

/** "an integer ≥ 1", "a number in (0, 1]", … */
export function numPhrase(s: NumSpec): string {
  const head = s.int ? 'an integer' : 'a number';
  const lo = s.min !== undefined ? `[${s.min}` : s.gt !== undefined ? `(${s.gt}` : undefined;
  const hi = s.max !== undefined ? `${s.max}]` : s.lt !== undefined ? `${s.lt})` : undefined;
  if (lo !== undefined && hi !== undefined) return `${head} in ${lo}, ${hi}`;
  if (s.min !== undefined) return `${head} ≥ ${s.min}`;
  if (s.gt !== undefined) return `${head} > ${s.gt}`;
  if (s.max !== undefined) return `${head} ≤ ${s.max}`;
  if (s.lt !== undefined) return `${head} < ${s.lt}`;
  return head;
}

/** A finite number with bounds; every failed check reports the same expectation. */
export function num(spec: NumSpec = {}, phrase = numPhrase(spec)) {
  const error = phrase;
  let n = z.number({ error });
  if (spec.int) n = n.int({ error });
  if (spec.min !== undefined) n = n.min(spec.min, { error });
  if (spec.gt !== undefined) n = n.gt(spec.gt, { error });
  if (spec.max !== undefined) n = n.max(spec.max, { error });
  if (spec.lt !== undefined) n = n.lt(spec.lt, { error });
  return n;
}

export const share = () => num({ min: 0, max: 1 });
export const positive = () => num({ gt: 0 });
export const nonNegative = () => num({ min: 0 });
export const count = () => num({ int: true, min: 0 });
export const positiveInt = () => num({ int: true, min: 1 });
export const bool = () => z.boolean({ error: 'true or false' });
export const text = () => z.string({ error: 'a string' });
export const name = () => z.string({ error: 'a non-empty name' }).min(1, { error: 'a non-empty name' });

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `one of ${values.map((v) => `'${v}'`).join(', ')}` });
}

/** "a sorted list …" helpers for lists of numbers */
export function sortedNumbers(spec: NumSpec, what: string) {
  return z
    .array(num(spec), { error: `a list of ${what}` })
    .min(1, { error: `a non-empty list of ${what}` })
    .superRefine((xs, ctx) => {
      for (let i = 1; i < xs.length; i++) {
        if (!(xs[i]! > xs[i - 1]!)) {
          ctx.addIssue({ code: 'custom', path: [i], input: xs[i], message: `a number above the previous one (${xs[i - 1]}): ${what} go up` });
        }
      }
    });
}

// ---- times and durations ----------------------------------------------------------------------

// "mm:ss" (minutes may exceed 59), "h:mm:ss", or k6 style "90s", "10m", "1h30m".
const CLOCK = /^(\d+):([0-5]\d)$/;
const HMS = /^(\d+):([0-5]\d):([0-5]\d)$/;
const UNITS = /^(?=\d)(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/;
export const TIME_PATTERN = '^(\\d+:[0-5]\\d(:[0-5]\\d)?|(?=\\d)(\\d+(\\.\\d+)?h)?(\\d+(\\.\\d+)?m)?(\\d+(\\.\\d+)?s)?)$';

/** Minutes from a time string, or undefined when it is not one of the accepted forms. */
export function parseMinutes(s: string): number | undefined {
  let m = CLOCK.exec(s);
  if (m) return (Number(m[1]) * 60 + Number(m[2])) / 60;
  m = HMS.exec(s);
  if (m) return (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) / 60;
  m = UNITS.exec(s);
  if (m && (m[1] ?? m[2] ?? m[3]) !== undefined) return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 60;
  return undefined;
}

/** "mm:ss" when the minutes are a whole number of seconds that reads back exactly, else undefined. */
export function formatClock(minutes: number): string | undefined {
  const sec = Math.round(minutes * 60);
  if (sec / 60 !== minutes || sec < 0) return undefined;
  return `${String(Math.floor(sec / 60)).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}`;
}

const TIME_PHRASE = "a time from the show's start, as mm:ss or a number of minutes ≥ 0";
const DURATION_PHRASE = 'a duration in minutes > 0 (a number, mm:ss, or 90s / 10m / 1h30m)';

/** Converts a validated time/duration input to minutes (the output of `timePoint` and `minutes`). */
export function toMinutes(x: number | string): number {
  return typeof x === 'number' ? x : parseMinutes(x)!;
}

/** A point in show time: input minutes or "mm:ss"; output minutes (printed back as "mm:ss"). */
export function timePoint() {
  return z
    .union([z.number({ error: TIME_PHRASE }).min(0, { error: TIME_PHRASE }), z.string({ error: TIME_PHRASE }).regex(new RegExp(TIME_PATTERN), { error: TIME_PHRASE })], {
      error: TIME_PHRASE,
    })
    .transform(toMinutes);
}

/** A positive duration: input minutes or a duration string; output minutes (printed as a number). */
export function minutes() {
  return z
    .union([z.number({ error: DURATION_PHRASE }).gt(0, { error: DURATION_PHRASE }), z.string({ error: DURATION_PHRASE }).regex(new RegExp(TIME_PATTERN), { error: DURATION_PHRASE })], {
      error: DURATION_PHRASE,
    })
    .transform(toMinutes)
    .refine((m) => m > 0, { error: DURATION_PHRASE });
}

/** Time of day "HH:MM" (24-hour clock). */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
export const timeOfDay = () => z.string({ error: 'a time of day as HH:MM' }).regex(TIME_OF_DAY, { error: 'a time of day as HH:MM (00:00 to 23:59)' });

/** Hours since midnight of "HH:MM". */
export function hoursOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h + m / 60;
}

const SHARE_TOLERANCE = 1e-6;

/**
 * A check that the `field` of a list's items sums to 1 (±1e-6). It runs even when an item failed
 * another check (every problem in one pass), reading the items defensively; a missing or non-numeric
 * field is reported by the item's own schema, so the sum is then skipped.
 */
export function sumsToOne(field: string, what: string) {
  return z.superRefine<unknown[]>(
    (items, ctx) => {
      if (!Array.isArray(items) || items.length === 0) return;
      const xs = items.map((x) => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>)[field] : undefined));
      if (!xs.every((x): x is number => typeof x === 'number' && Number.isFinite(x))) return;
      const sum = xs.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > SHARE_TOLERANCE) ctx.addIssue({ code: 'custom', input: Number(sum.toPrecision(12)), message: `${what} summing to 1 (±1e-6)` });
    },
    { when: () => true },
  );
}
