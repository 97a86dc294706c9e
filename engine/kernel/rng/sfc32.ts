// sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), seeded exactly as bench-ref's
// "live-shopping viewer session v1" spec so that the reference workload is bit-identical.
// Creating one costs a few hash rounds (~20 ns), so every agent can own several streams.
import { mix32 } from './hash.ts';
import type { Rng, RngState } from './rng.ts';

export class Sfc32 implements Rng {
  a: number;
  b: number;
  c: number;
  d: number;

  /** `key` is a 32-bit stream key; bench-ref derives it as mix32(mix32(seed) ^ stream). */
  constructor(key: number) {
    const h = key >>> 0;
    this.a = mix32((h + 0x9e3779b9) >>> 0) | 0;
    this.b = mix32((h + 0x3c6ef372) >>> 0) | 0;
    this.c = mix32((h + 0xdaa66d2b) >>> 0) | 0;
    this.d = 1;
  }

  /** bench-ref's stream `stream` under seed `seed` */
  static reference(seed: number, stream: number): Sfc32 {
    return new Sfc32(mix32(mix32(seed) ^ stream));
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    const c = (this.c << 21) | (this.c >>> 11);
    this.c = (c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextU32() / 4294967296;
  }

  save(): RngState {
    return { algorithm: 'sfc32', words: [this.a, this.b, this.c, this.d] };
  }

  restore(state: RngState): void {
    if (state.algorithm !== 'sfc32' || state.words.length !== 4) {
      throw new TypeError(`Sfc32.restore: expected an sfc32 state of 4 words, got ${state.algorithm} with ${state.words.length}`);
    }
    [this.a, this.b, this.c, this.d] = state.words.map((w) => w | 0) as [number, number, number, number];
  }
}
