// The room's settings, with defaults and one-pass validation (every problem named, STYLE.md §8).
import { hashString, InputError, type InputProblem } from '../kernel/index.ts';

export interface RoomConfig {
  /** run seed: salts the danmaku sampling so two runs with one seed sample alike */
  seed: number;
  /**
   * Fan-out tick, ms (must divide 1000). 200 ms is an assumption: short enough to read as live chat,
   * long enough that a tick batches many comments. Use a multiple of the runtime's epoch.
   */
  fanoutTickMs: number;
  /**
   * N, the most comments one viewer is shown per second. No published figure: 10/s is an assumption
   * (a phone screen shows a few lines of chat, each readable for about a second).
   */
  maxShownPerSecond: number;
  /** per-sender minimum gap between comments, ms (0: off) */
  senderMinGapMs: number;
}

export const ROOM_DEFAULTS: Omit<RoomConfig, 'seed'> = {
  fanoutTickMs: 200,
  maxShownPerSecond: 10,
  senderMinGapMs: 0,
};

export interface ResolvedRoomConfig extends RoomConfig {
  readonly salt: number;
}

/** Fills defaults and validates; throws an InputError naming every bad field. */
export function resolveRoomConfig(input: Partial<RoomConfig> & { seed: number }, path = 'room'): ResolvedRoomConfig {
  const c = { ...ROOM_DEFAULTS, ...input };
  const problems: InputProblem[] = [];
  if (!Number.isSafeInteger(c.seed)) problems.push({ path: `${path}.seed`, expected: 'a safe integer', value: c.seed });
  if (!(Number.isSafeInteger(c.fanoutTickMs) && c.fanoutTickMs > 0 && 1000 % c.fanoutTickMs === 0)) {
    problems.push({ path: `${path}.fanoutTickMs`, expected: 'a positive integer number of ms that divides 1000', value: c.fanoutTickMs });
  }
  if (!(Number.isSafeInteger(c.maxShownPerSecond) && c.maxShownPerSecond > 0)) {
    problems.push({ path: `${path}.maxShownPerSecond`, expected: 'a positive integer', value: c.maxShownPerSecond });
  }
  if (!(Number.isFinite(c.senderMinGapMs) && c.senderMinGapMs >= 0)) {
    problems.push({ path: `${path}.senderMinGapMs`, expected: 'a duration ≥ 0 ms', value: c.senderMinGapMs });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { ...c, salt: hashString(`room:${c.seed}`) };
}
