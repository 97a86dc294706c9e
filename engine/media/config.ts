// Player configuration: the ladder, CMAF segment/part durations, the low-latency targets, and the ABR rule.
// Defaults follow dash.js v5.1.1 (CALIBRATION.md §5) where it has one; a scenario sets the rest.
// Resolving a config validates it (every problem at once, with its path) and precomputes what all players
// sharing it need (BOLA's Vp and gp, ladder utilities), so the per-viewer state stays plain numbers.
import { InputError, type InputProblem } from '../kernel/index.ts';
import { ABR_RULE_IDS, type AbrRuleId } from './abr/ids.ts';

/** Apple HLS authoring spec mobile rungs (CALIBRATION.md §5): 234p, 360p, 432p ×2, 540p, 720p. */
export const MOBILE_LIVE_LADDER_KBPS = [145, 365, 730, 1100, 2000, 3000] as const;
/** Twitch MMSys'20 challenge ladder: 360p 200k, 480p 600k, 720p 1000k (CALIBRATION.md §4). */
export const MMSYS20_LADDER_KBPS = [200, 600, 1000] as const;
export const MMSYS20_FAST_LADDER_KBPS = [100, 300] as const;

export type CatchupMode = 'default' | 'lolp';

export interface PlayerConfig {
  ladderKbps: readonly number[];
  segmentMs: number;
  partMs: number;
  /** dash.js liveDelay: the latency to the live edge the player aims for */
  targetLatencyMs: number;
  /**
   * dash.js buffer.stallThreshold / lowLatencyStallThreshold: 0.3 s. At or below it dash.js is in its
   * BUFFER_EMPTY state (no catch-up, BOLA's placeholder dropped); with syntheticStallEvents off (its
   * default) the picture only freezes when the buffer is actually empty.
   */
  stallThresholdMs: number;
  /** level at which playback starts, or resumes after a freeze (default: out of BUFFER_EMPTY again) */
  rebufferGoalMs: number;
  /** dash.js liveCatchup.maxDrift default 12 s (MediaPlayerModel DEFAULT_CATCHUP_MAX_DRIFT) */
  maxDriftMs: number;
  catchupMode: CatchupMode;
  /** dash.js liveCatchup.playbackRate {max 0.5, min −0.5}: the rate stays in [1 − 0.5, 1 + 0.5] */
  catchupMaxRate: number;
  catchupMinRate: number;
  /** dash.js liveCatchup.playbackBufferMin 0.5 s (LoL+ catch-up slows down below it) */
  playbackBufferMinMs: number;
  /** latency above which the agent hears `latency.high` (model choice; hysteresis 1 s) */
  latencyHighMs: number;
  rule: AbrRuleId;
  /** dash.js AbrController DEFAULT_VIDEO_BITRATE: the first rung is the highest at or below this */
  initialBitrateKbps: number;
  /** model choices: an MPD, an init segment and an HTTP GET's size */
  manifestBytes: number;
  initBytes: number;
  requestBytes: number;
  /** segment sizes vary by U(lo, hi) around bitrate × duration (Pensieve NOISE_LOW/HIGH 0.9/1.1) */
  sizeNoiseLo: number;
  sizeNoiseHi: number;
  /**
   * model choice for cost (player/window.ts): the most segments a comfortable viewer fetches as one
   * fast-forwarded window (one player event); 1 turns windows off (runs of up to 8 segments, as before)
   */
  windowSegments: number;
}

export const PLAYER_DEFAULTS: PlayerConfig = {
  ladderKbps: MOBILE_LIVE_LADDER_KBPS,
  segmentMs: 1000,
  partMs: 200,
  // dash.js live delay fallback: 4 × fragment duration (CALIBRATION.md §5)
  targetLatencyMs: 4000,
  stallThresholdMs: 300,
  rebufferGoalMs: 300,
  maxDriftMs: 12_000,
  catchupMode: 'default',
  catchupMaxRate: 0.5,
  catchupMinRate: -0.5,
  playbackBufferMinMs: 500,
  latencyHighMs: 10_000,
  rule: 'dynamic',
  initialBitrateKbps: 1000,
  manifestBytes: 2000,
  initBytes: 1000,
  requestBytes: 400,
  sizeNoiseLo: 0.9,
  sizeNoiseHi: 1.1,
  windowSegments: 32,
};

/** What every player with this config shares, precomputed once. */
export interface ResolvedPlayerConfig extends PlayerConfig {
  readonly ladder: Float64Array;
  readonly partsPerSegment: number;
  readonly initialRung: number;
  /** dash.js MediaPlayerModel.getBufferTimeDefault: min(bufferTimeDefault 18 s, liveDelay) */
  readonly bufferTimeDefaultMs: number;
  /** BOLA (dash.js BolaRule): utilities ln(b_i / b_0) + 1, and gp, Vp for bufferTime = max(default, 10 + 2N) */
  readonly utilities: Float64Array;
  readonly bolaGp: number;
  readonly bolaVp: number;
}

/** dash.js Settings buffer.bufferTimeDefault (s) */
const DASH_BUFFER_TIME_DEFAULT_S = 18;
/** dash.js BolaRule MINIMUM_BUFFER_S and MINIMUM_BUFFER_PER_BITRATE_LEVEL_S */
export const BOLA_MINIMUM_BUFFER_S = 10;
export const BOLA_BUFFER_PER_LEVEL_S = 2;

export function configProblems(c: PlayerConfig, path = 'player'): InputProblem[] {
  const out: InputProblem[] = [];
  const need = (ok: boolean, p: string, value: unknown, expected: string) => ok || out.push({ path: `${path}.${p}`, value, expected });
  need(Array.isArray(c.ladderKbps) && c.ladderKbps.length >= 1, 'ladderKbps', c.ladderKbps, 'a non-empty list of bitrates in kbit/s');
  c.ladderKbps.forEach((b, i) => need(Number.isFinite(b) && b > 0 && (i === 0 || b > c.ladderKbps[i - 1]!), `ladderKbps[${i}]`, b, 'a bitrate > 0 kbit/s, above the rung before it'));
  need(Number.isInteger(c.partMs) && c.partMs > 0, 'partMs', c.partMs, 'a whole number of ms > 0');
  need(Number.isInteger(c.segmentMs) && c.segmentMs > 0 && c.segmentMs % c.partMs === 0, 'segmentMs', c.segmentMs, 'a whole multiple of partMs');
  need(c.targetLatencyMs >= c.partMs, 'targetLatencyMs', c.targetLatencyMs, 'a latency ≥ one part');
  need(c.stallThresholdMs >= 0 && c.rebufferGoalMs >= c.stallThresholdMs && c.rebufferGoalMs > 0, 'rebufferGoalMs', c.rebufferGoalMs, 'a level > 0, at least stallThresholdMs');
  need(c.rebufferGoalMs <= c.targetLatencyMs, 'rebufferGoalMs', c.rebufferGoalMs, 'a level at most the target latency');
  need(c.maxDriftMs > 0, 'maxDriftMs', c.maxDriftMs, 'a drift > 0 ms');
  need(c.catchupMode === 'default' || c.catchupMode === 'lolp', 'catchupMode', c.catchupMode, "'default' or 'lolp'");
  need(c.catchupMaxRate >= 0 && c.catchupMaxRate <= 1, 'catchupMaxRate', c.catchupMaxRate, 'a rate offset in [0, 1] (dash.js limit)');
  need(c.catchupMinRate <= 0 && c.catchupMinRate >= -0.5, 'catchupMinRate', c.catchupMinRate, 'a rate offset in [−0.5, 0] (dash.js limit)');
  need(c.latencyHighMs > c.targetLatencyMs, 'latencyHighMs', c.latencyHighMs, 'a latency above the target');
  need((ABR_RULE_IDS as readonly string[]).includes(c.rule), 'rule', c.rule, `one of ${ABR_RULE_IDS.join(', ')}`);
  need(c.sizeNoiseLo > 0 && c.sizeNoiseHi >= c.sizeNoiseLo, 'sizeNoiseHi', c.sizeNoiseHi, 'a factor ≥ sizeNoiseLo > 0');
  need(Number.isInteger(c.windowSegments) && c.windowSegments >= 1, 'windowSegments', c.windowSegments, 'a whole number of segments ≥ 1');
  for (const k of ['initialBitrateKbps', 'manifestBytes', 'initBytes', 'requestBytes', 'playbackBufferMinMs'] as const) need(c[k] >= 0, k, c[k], 'a number ≥ 0');
  return out;
}

export function resolvePlayerConfig(input: Partial<PlayerConfig> = {}, path = 'player'): ResolvedPlayerConfig {
  const c: PlayerConfig = { ...PLAYER_DEFAULTS, ...input };
  const problems = configProblems(c, path);
  if (problems.length > 0) throw new InputError(problems);
  const ladder = Float64Array.from(c.ladderKbps);
  const n = ladder.length;
  const utilities = Float64Array.from(ladder, (b) => Math.log(b / ladder[0]!) + 1);
  const bufferTimeDefaultMs = Math.min(DASH_BUFFER_TIME_DEFAULT_S * 1000, c.targetLatencyMs);
  const bufferTime = Math.max(bufferTimeDefaultMs / 1000, BOLA_MINIMUM_BUFFER_S + BOLA_BUFFER_PER_LEVEL_S * n);
  // with one rung BOLA has nothing to choose (dash.js BOLA_STATE_ONE_BITRATE): gp = Vp = NaN
  const gp = n > 1 ? (utilities[n - 1]! - 1) / (bufferTime / BOLA_MINIMUM_BUFFER_S - 1) : NaN;
  let initialRung = 0;
  for (let i = 0; i < n; i++) if (ladder[i]! <= c.initialBitrateKbps) initialRung = i;
  return {
    ...c,
    ladder,
    partsPerSegment: c.segmentMs / c.partMs,
    initialRung,
    bufferTimeDefaultMs,
    utilities,
    bolaGp: gp,
    bolaVp: BOLA_MINIMUM_BUFFER_S / gp,
  };
}
