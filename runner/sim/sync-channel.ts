// A blocking request/response channel between the main thread and one worker, over shared memory: a
// growable SharedArrayBuffer with a small header flipped with Atomics. A round trip costs a futex
// wake (or, with `spin`, a few cache-line transfers when both threads are running) instead of two
// event-loop turns of postMessage: 14,400 rounds of epochs in a two-hour show (run-epochs.ts).
//
// A frame is an op code, two numbers and an optional payload; only the payload is JSON (most rounds
// send no mail down), so an empty request allocates nothing and encodes nothing.
//
// States of the header's state word, and who moves it:
//   IDLE ─main: request→ REQUEST ─worker: respond→ RESPONSE ─main: response→ IDLE
//   IDLE | REQUEST ─worker: abandon (the thread is exiting)→ CLOSED (final)
// The side that is about to move the state owns the payload area: main while IDLE, the worker while
// REQUEST. A worker that fails answers with a FAILED frame; one that exits (crash, process.exit) marks
// the channel closed from its 'exit' handler, so the main thread, blocked in Atomics.wait where it can
// see no 'error' event, wakes up with an error instead of hanging.
const IDLE = 0, REQUEST = 1, RESPONSE = 2, CLOSED = 3;
const S_STATE = 0, S_LENGTH = 1, S_OP = 2, S_EXITED = 3, S_EXIT_CODE = 4;
const HEADER = 48; // Int32 × 8, then Float64 a, b at byte 32

/** the op of a frame that carries a failure (its payload is the error text) */
export const FAILED = -1;

export interface Frame {
  op: number;
  a: number;
  b: number;
  /** JSON-able; undefined travels as no payload at all */
  payload?: unknown;
}

export class ChannelError extends Error {}

export interface ChannelOptions {
  /**
   * at most this many µs of Atomics.load polling before sleeping in Atomics.wait (default 0: never
   * spin). Spinning pays only when both threads have a core of their own: on the shared two-core
   * machine at load 3–13, 200 µs made a 10k-viewer run 30 % slower and 1000 µs 3–4× slower.
   */
  spin?: number;
}

export class SyncChannel {
  readonly ctrl: Int32Array;
  private readonly nums: Float64Array;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();
  private readonly maxSpinMs: number;
  private budgetMs: number;

  constructor(readonly buffer: SharedArrayBuffer, opts: ChannelOptions = {}) {
    this.ctrl = new Int32Array(buffer, 0, 8);
    this.nums = new Float64Array(buffer, 32, 2);
    this.maxSpinMs = (opts.spin ?? 0) / 1000;
    this.budgetMs = this.maxSpinMs;
  }

  static create(opts: ChannelOptions & { initialBytes?: number; maxBytes?: number } = {}): SyncChannel {
    const { initialBytes = 1 << 16, maxBytes = 1 << 30 } = opts;
    return new SyncChannel(new SharedArrayBuffer(HEADER + initialBytes, { maxByteLength: HEADER + maxBytes }), opts);
  }

  private write(f: Frame): void {
    this.ctrl[S_OP] = f.op;
    this.nums[0] = f.a;
    this.nums[1] = f.b;
    if (f.payload === undefined) {
      this.ctrl[S_LENGTH] = 0;
      return;
    }
    const text = JSON.stringify(f.payload);
    const worst = HEADER + text.length * 3; // UTF-8 bytes per UTF-16 unit
    if (worst > this.buffer.byteLength) {
      if (worst > this.buffer.maxByteLength) throw new RangeError(`SyncChannel: a ${text.length}-character payload does not fit in ${this.buffer.maxByteLength} bytes`);
      this.buffer.grow(Math.min(this.buffer.maxByteLength, Math.max(worst, this.buffer.byteLength * 2)));
    }
    const { written } = this.encoder.encodeInto(text, new Uint8Array(this.buffer, HEADER, this.buffer.byteLength - HEADER));
    this.ctrl[S_LENGTH] = written + 1; // 0 means "no payload"
  }

  private read(): Frame {
    const n = this.ctrl[S_LENGTH]! - 1;
    const f: Frame = { op: this.ctrl[S_OP]!, a: this.nums[0]!, b: this.nums[1]! };
    if (n >= 0) {
      // TextDecoder cannot read shared memory directly: copy out first
      const copy = new Uint8Array(n);
      copy.set(new Uint8Array(this.buffer, HEADER, n));
      f.payload = JSON.parse(this.decoder.decode(copy));
    }
    return f;
  }

  /**
   * Waits while the state word is `s`: spins first, then sleeps (at most `sliceMs` if given). The spin
   * time adapts to how long the other side actually takes: it grows when the answer came during the
   * spin or soon after it gave up (both threads on a core: a round trip in microseconds instead of a
   * futex wake-up), and halves when the sleep was long (a busy machine, where spinning only takes CPU
   * from the thread we wait for).
   */
  private await(s: number, sliceMs?: number): number {
    const budget = this.budgetMs;
    const t0 = this.maxSpinMs > 0 ? performance.now() : 0;
    if (budget > 0) {
      for (let i = 1; ; i++) {
        const now = Atomics.load(this.ctrl, S_STATE);
        if (now !== s) {
          this.budgetMs = Math.min(this.maxSpinMs, budget * 1.25 + 0.001);
          return now;
        }
        if ((i & 63) === 0 && performance.now() - t0 > budget) break;
      }
    }
    // the value just read is the one waited on: a change after it wakes us, none is lost
    Atomics.wait(this.ctrl, S_STATE, s, sliceMs);
    if (this.maxSpinMs > 0) {
      const waited = performance.now() - t0;
      this.budgetMs = waited < 2 * this.maxSpinMs ? Math.min(this.maxSpinMs, budget * 2 + 0.002) : budget / 2;
    }
    return Atomics.load(this.ctrl, S_STATE);
  }

  private closedError(): ChannelError {
    return new ChannelError(`SyncChannel: the worker thread exited (code ${this.ctrl[S_EXIT_CODE]}) without answering`);
  }

  // ---- main thread ----
  request(f: Frame): void {
    const s = Atomics.load(this.ctrl, S_STATE);
    if (s === CLOSED) throw this.closedError();
    if (s !== IDLE) throw new Error('SyncChannel.request: a request is already pending');
    this.write(f);
    if (Atomics.compareExchange(this.ctrl, S_STATE, IDLE, REQUEST) !== IDLE) throw this.closedError();
    // a worker that exited after its last answer could not close an IDLE-then-REQUEST channel in time
    if (Atomics.load(this.ctrl, S_EXITED) === 1) throw this.closedError();
    Atomics.notify(this.ctrl, S_STATE);
  }

  /**
   * Blocks until the worker has answered and returns its frame; a FAILED frame is thrown. `alive` is
   * asked every `sliceMs` of sleep, for failures the worker cannot report itself.
   */
  response(alive: () => boolean = () => true, sliceMs = 1000): Frame {
    for (let s = Atomics.load(this.ctrl, S_STATE); s !== RESPONSE; ) {
      if (s === CLOSED) throw this.closedError();
      if (s === IDLE) throw new Error('SyncChannel.response: no request is pending');
      s = this.await(s, sliceMs);
      if (s === REQUEST && !alive()) throw new ChannelError('SyncChannel: the worker died');
    }
    const f = this.read();
    Atomics.store(this.ctrl, S_STATE, IDLE);
    if (f.op === FAILED) throw new ChannelError(String(f.payload));
    return f;
  }

  // ---- worker ----
  /** blocks until a request arrives */
  nextRequest(): Frame {
    for (let s = Atomics.load(this.ctrl, S_STATE); s !== REQUEST; ) {
      if (s === CLOSED) throw new ChannelError('SyncChannel: closed');
      s = this.await(s);
    }
    return this.read();
  }

  respond(f: Frame): void {
    this.write(f);
    Atomics.store(this.ctrl, S_STATE, RESPONSE);
    Atomics.notify(this.ctrl, S_STATE);
  }

  /** answers the pending request with an error (the main thread's response() throws it) */
  fail(message: string): void {
    this.respond({ op: FAILED, a: 0, b: 0, payload: message });
  }

  /** the worker is exiting (call from process.on('exit')): wakes a waiting main thread with an error */
  abandon(exitCode: number): void {
    this.ctrl[S_EXIT_CODE] = exitCode;
    Atomics.store(this.ctrl, S_EXITED, 1);
    // an unread RESPONSE stays readable; IDLE or REQUEST become CLOSED
    for (let s = Atomics.load(this.ctrl, S_STATE); s === IDLE || s === REQUEST; s = Atomics.load(this.ctrl, S_STATE)) {
      if (Atomics.compareExchange(this.ctrl, S_STATE, s, CLOSED) === s) break;
    }
    Atomics.notify(this.ctrl, S_STATE);
  }
}
