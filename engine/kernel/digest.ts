// Trace digest: a streaming 128-bit hash over the ordered events of a run. Two runs with the same
// scenario and seed must produce the same digest, whatever the number of workers. Four independent
// 32-bit multiply–rotate lanes (murmur3-style mixing) over the IEEE-754 bits of each number; not
// cryptographic, but any change in any event's order or value changes it.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class TraceDigest {
  private h1 = 0x9747b28c;
  private h2 = 0x1b873593 ^ 0x5bd1e995;
  private h3 = 0x85ebca6b;
  private h4 = 0xc2b2ae35;
  private words = 0;
  /** number of records added */
  count = 0;

  private word(k: number): void {
    k = Math.imul(k, C1);
    k = rotl(k, 15);
    k = Math.imul(k, C2);
    switch (this.words++ & 3) {
      case 0:
        this.h1 = (Math.imul(rotl(this.h1 ^ k, 13), 5) + 0xe6546b64) | 0;
        break;
      case 1:
        this.h2 = (Math.imul(rotl(this.h2 ^ k, 17), 5) + 0x561ccd1b) | 0;
        break;
      case 2:
        this.h3 = (Math.imul(rotl(this.h3 ^ k, 15), 5) + 0x0bcaa747) | 0;
        break;
      default:
        this.h4 = (Math.imul(rotl(this.h4 ^ k, 19), 5) + 0x32ac3b17) | 0;
    }
  }

  /** Adds one number (its exact float64 bits). */
  num(x: number): this {
    f64[0] = x;
    this.word(u32[0]!);
    this.word(u32[1]!);
    return this;
  }

  /** Adds one integer in [-2^31, 2^32) as a single word: cheaper than num(). */
  int(x: number): this {
    this.word(x | 0);
    return this;
  }

  str(s: string): this {
    this.word(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
    return this;
  }

  /** One trace record: time, kind, agent and an optional value. */
  event(t: number, kind: number, agent: number, value = 0): this {
    this.count++;
    this.num(t);
    this.word(kind | 0);
    this.word(agent | 0);
    if (value !== 0) this.num(value);
    return this;
  }

  /** The digest as 32 hex characters; does not change the running state. */
  hex(): string {
    let a = this.h1 ^ this.words, b = this.h2 ^ this.words, c = this.h3 ^ this.words, d = this.h4 ^ this.words;
    a = (a + b + c + d) | 0;
    b = (b + a) | 0;
    c = (c + a) | 0;
    d = (d + a) | 0;
    a = fmix(a);
    b = fmix(b);
    c = fmix(c);
    d = fmix(d);
    a = (a + b + c + d) | 0;
    b = (b + a) | 0;
    c = (c + a) | 0;
    d = (d + a) | 0;
    return [a, b, c, d].map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
  }
}
