// `livelab stress` options: durations, fault specs and their defaults, parsed with every problem named.
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';

export type Fault =
  | { kind: 'restart'; atMs: number }
  | { kind: 'drop'; atMs: number; fraction: number }
  | { kind: 'flood'; atMs: number; ms: number; perSecond: number }
  | { kind: 'malformed'; atMs: number; ms: number };

export interface StressOptions {
  scenarioFile: string;
  viewers: number;
  durationMs: number;
  /** viewers connect evenly over this long (default: a quarter of the run, at most 60 s) */
  rampMs?: number;
  /** a running server to load instead of starting one */
  target?: string | null;
  /** the target's token secret (else viewers get tokens from POST /join) */
  secret?: string | null;
  /** the target's host token (else no host agent: no prompts are measured) */
  hostToken?: string | null;
  /** client processes (default: one per 5,000 viewers, at least 1) */
  clients?: number;
  browsers?: number;
  /** share of viewers whose interaction channel is a WebRTC data channel (capped by the server's peer limit) */
  webrtcShare?: number;
  faults?: Fault[];
  netem?: boolean;
  /** user-space shaping by each viewer's network profile (default on) */
  shaping?: boolean;
  /** aggregate comment rate to drive (comments/s); null: the persona model's own rate */
  commentsPerSecond?: number | null;
  shopSpeed?: number;
  /** lowers the viewers' buy threshold by this many logit units (more orders in a short run) */
  buyBoost?: number;
  churn?: boolean;
  fanoutTickMs?: number;
  /** the server's danmaku cadence per viewer (ms; 0: every fan-out tick) */
  danmakuEveryMs?: number;
  /**
   * nice value of the client processes (0–19; default 0 here, 10 for `livelab stress` and the bench): the
   * load generator yields the CPU to the server under test when the two share a machine (see
   * runner/stress/README.md, Processes)
   */
  clientNice?: number;
  /**
   * viewers hosted by one extra client process at nice 0 with nothing else to do but them and the host agent
   * (default 0: none; at most a tenth of the viewers): their receive stamps are a real viewer's own device,
   * not a load generator's starved event loop. Their latencies are also kept under `probe.*`.
   */
  probeViewers?: number;
  /** how long the end waits for unanswered checkouts */
  graceMs?: number;
  /** where to write stress.json (null: nowhere) */
  out?: string | null;
  /** per-run secret and journal directory when the run starts its own server */
  stateDir?: string;
  maxPeers?: number;
  /** listening ports of the server the run starts (viewers spread over them; default LISTENERS) */
  listeners?: number;
  /**
   * restart fault: 'warm' kills the server and hands over to a spare process that has loaded the code and
   * the scenario but opens the journal only then (state is recovered from the journal either way);
   * 'cold' starts a new process from scratch (module loading included in the downtime)
   */
  restartMode?: 'warm' | 'cold';
  log?: (line: string) => void;
}

/** "30s", "2m", "1500ms", "1h", or a bare number of seconds → ms */
export function parseDuration(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s.trim());
  if (m === null) return null;
  const v = Number(m[1]);
  const unit = m[2] ?? 's';
  return Math.round(v * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000));
}

/**
 * Fault list: comma-separated `restart@30s`, `drop@0.1` (a share, optionally `@20s`), `flood` (`@20s`,
 * `flood@20s@500` for a rate), `malformed` (`@25s`). Times default to fixed points of the run.
 */
export function parseFaults(spec: string, durationMs: number): Fault[] {
  const problems: InputProblem[] = [];
  const out: Fault[] = [];
  const at = (s: string | undefined, def: number, path: string): number => {
    if (s === undefined) return def;
    const v = parseDuration(s);
    if (v === null || v >= durationMs) {
      problems.push({ path, expected: `a time within the run (e.g. 30s, < ${durationMs / 1000}s)`, value: s });
      return def;
    }
    return v;
  };
  for (const [i, raw] of spec.split(',').map((x) => x.trim()).filter(Boolean).entries()) {
    const [kind, a, b] = raw.split('@');
    const path = `--fault.${i}`;
    switch (kind) {
      case 'restart':
        out.push({ kind: 'restart', atMs: at(a, Math.round(durationMs / 2), path) });
        break;
      case 'drop': {
        const f = a === undefined ? 0.1 : Number(a);
        if (!(f > 0 && f <= 1)) problems.push({ path, expected: 'drop@F with a share F in (0, 1]', value: raw });
        out.push({ kind: 'drop', fraction: f, atMs: at(b, Math.round(durationMs * 0.6), path) });
        break;
      }
      case 'flood': {
        const rate = b === undefined ? 500 : Number(b);
        if (!(rate > 0)) problems.push({ path, expected: 'flood@TIME@RATE with a positive rate (frames/s)', value: raw });
        out.push({ kind: 'flood', atMs: at(a, Math.round(durationMs * 0.4), path), ms: Math.min(5000, durationMs / 4), perSecond: rate });
        break;
      }
      case 'malformed':
        out.push({ kind: 'malformed', atMs: at(a, Math.round(durationMs * 0.45), path), ms: Math.min(5000, durationMs / 4) });
        break;
      default:
        problems.push({ path, expected: "one of restart@T, drop@F[@T], flood[@T[@RATE]], malformed[@T]", value: raw });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return out.sort((x, y) => x.atMs - y.atMs);
}
