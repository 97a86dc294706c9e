// Messages between the stress coordinator and its client processes (Node IPC, JSON).

export interface ClientConfig {
  index: number;
  /** server base URL, http://host:port */
  url: string;
  /** token secret (mint viewer tokens locally); null: ask the server (POST /join) for each viewer */
  secret: string | null;
  /** this process also runs the host agent with this token */
  hostToken: string | null;
  hostRtc: boolean;
  scenarioFile: string;
  seed: number;
  /** first viewer id of this process; replacements count up from first + viewers */
  firstViewer: number;
  /** viewers held connected at once by this process */
  viewers: number;
  rampMs: number;
  durationMs: number;
  /** shape every viewer connection with its network profile (user space) */
  shaping: boolean;
  /** how many of this process's viewers open a WebRTC data channel for their interaction channel */
  rtcViewers: number;
  /** this process's share of the aggregate comment rate (comments/s); null: the persona model's own rate */
  commentsPerSecond: number | null;
  /** shopping happens this many times faster than the model's defaults (1: as calibrated) */
  shopSpeed: number;
  /** lowers the viewers' buy threshold (logit units) so that short runs place enough orders (0: as calibrated) */
  buyBoost: number;
  /** a viewer who leaves is replaced by a new one, so the process keeps `viewers` connected */
  churn: boolean;
  /**
   * the steady windows of the run (run-time ms, [from, to)): the hold after the ramp, without the faults
   * and the recovery after them; latencies received in them are also recorded under `KEY.steady`
   */
  steady?: [number, number][];
  /** the server's listening ports: viewer v connects to wsPorts[v mod n] ([]: the URL's port) */
  wsPorts?: number[];
  /** WebSocket handshakes in flight at once in this process (default MAX_CONNECTING) */
  maxConnecting?: number;
}

export type ToClient =
  | { type: 'start'; config: ClientConfig }
  /** everyone is ready: run time 0 is `originEpoch` */
  | { type: 'go'; originEpoch: number }
  | { type: 'drop'; fraction: number }
  | { type: 'flood'; ms: number; perSecond: number }
  | { type: 'malformed'; ms: number }
  | { type: 'stop'; graceMs: number };

export interface ClientProgress {
  index: number;
  open: number;
  agents: number;
  /** connections waiting in the connect gate or handshaking */
  connecting: number;
  framesIn: number;
  framesOut: number;
  comments: number;
  reconnects: number;
  cpuSeconds: number;
  loopP99Ms: number;
}

/**
 * [key, viewer, first sent (epoch ms), sends, confirmed order ids, rejection reason or null, unanswered and
 * the viewer's connection down when the run ended (its client never got the checkout back to the server)]
 */
export type LedgerRow = [string, number, number, number, string[], string | null, boolean?];

export interface ClientReport {
  index: number;
  histos: Record<string, string>;
  counters: Record<string, number>;
  ledger: LedgerRow[];
  host: { prompts: number; answered: number; cues: number; rtc: boolean } | null;
  faults: Record<string, unknown>;
  cpuSeconds: number;
  rssBytes: number;
}

export type FromClient =
  | { type: 'ready'; index: number }
  | { type: 'progress'; progress: ClientProgress }
  | { type: 'final'; report: ClientReport }
  | { type: 'log'; line: string };
