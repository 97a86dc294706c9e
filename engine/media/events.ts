// The only media events the viewer agent hears: the decision-worthy ones. Everything else (part arrivals,
// requests, throughput samples) stays inside the player. Events go into a preallocated struct-of-arrays
// buffer, so emitting allocates nothing.
export const MEDIA_EVENT_TYPES = ['playback.started', 'stall.started', 'stall.ended', 'quality.changed', 'latency.high'] as const;
export type MediaEventType = (typeof MEDIA_EVENT_TYPES)[number];

/** Event codes, the index into MEDIA_EVENT_TYPES. Arguments per kind:
 *  playback.started  arg = startup delay (ms since join)            arg2 = bitrate on screen (kbit/s)
 *  stall.started     arg = bitrate on screen (kbit/s)               arg2 = stalls so far (this one included)
 *  stall.ended       arg = stall duration (ms)                      arg2 = latency to live (ms)
 *  quality.changed   arg = new bitrate (kbit/s)                     arg2 = previous bitrate (kbit/s)
 *  latency.high      arg = latency to live (ms)                     arg2 = the threshold (ms) */
export const EV = { playbackStarted: 0, stallStarted: 1, stallEnded: 2, qualityChanged: 3, latencyHigh: 4 } as const;

export interface MediaEvent {
  viewer: number;
  type: MediaEventType;
  t: number;
  arg: number;
  arg2: number;
}

export class MediaEventBuffer {
  n = 0;
  viewer: Int32Array;
  kind: Uint8Array;
  t: Float64Array;
  arg: Float64Array;
  arg2: Float64Array;

  constructor(capacity = 1024) {
    this.viewer = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.t = new Float64Array(capacity);
    this.arg = new Float64Array(capacity);
    this.arg2 = new Float64Array(capacity);
  }

  push(viewer: number, kind: number, t: number, arg: number, arg2: number): void {
    if (this.n === this.t.length) this.grow();
    const i = this.n++;
    this.viewer[i] = viewer;
    this.kind[i] = kind;
    this.t[i] = t;
    this.arg[i] = arg;
    this.arg2[i] = arg2;
  }

  clear(): void {
    this.n = 0;
  }

  /** The buffered events as objects (for tests and traces; not for the hot path). */
  toArray(): MediaEvent[] {
    const out: MediaEvent[] = [];
    for (let i = 0; i < this.n; i++) {
      out.push({ viewer: this.viewer[i]!, type: MEDIA_EVENT_TYPES[this.kind[i]!]!, t: this.t[i]!, arg: this.arg[i]!, arg2: this.arg2[i]! });
    }
    return out;
  }

  private grow(): void {
    const cap = this.t.length * 2;
    const g = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.viewer = g(this.viewer, (n) => new Int32Array(n));
    this.kind = g(this.kind, (n) => new Uint8Array(n));
    this.t = g(this.t, (n) => new Float64Array(n));
    this.arg = g(this.arg, (n) => new Float64Array(n));
    this.arg2 = g(this.arg2, (n) => new Float64Array(n));
  }
}
