// Named RNG streams: every draw in a run comes from a stream keyed by (run seed, owner, purpose),
// e.g. (42, viewer 1234, "chat"). The same key gives the same stream in every variant of a comparison
// (common random numbers), and streams with different keys are independent.
import { foldInt, hashString, mix32 } from './hash.ts';
import { Alea } from './alea.ts';
import { Sfc32 } from './sfc32.ts';
import type { Rng, RngAlgorithm } from './rng.ts';

/** The 32-bit key of stream (seed, owner, purpose). Purposes are hashed once and cached. */
export function streamKey(seed: number, owner: number, purposeHash: number): number {
  return mix32(mix32(foldInt(seed) ^ purposeHash) ^ foldInt(owner));
}

export class RngStreams {
  private readonly purposeHashes = new Map<string, number>();

  constructor(
    readonly seed: number,
    readonly algorithm: RngAlgorithm = 'sfc32',
  ) {
    if (!Number.isSafeInteger(seed)) throw new TypeError(`RngStreams: seed must be a safe integer, got ${seed}`);
  }

  /** A purpose's hash: pass it to `streamOf` on hot paths to skip the string lookup. */
  purpose(name: string): number {
    let h = this.purposeHashes.get(name);
    if (h === undefined) {
      h = hashString(name);
      this.purposeHashes.set(name, h);
    }
    return h;
  }

  /** A fresh stream for (owner, purpose); calling twice gives two generators at the same start. */
  stream(owner: number, purpose: string): Rng {
    return this.streamOf(owner, this.purpose(purpose));
  }

  streamOf(owner: number, purposeHash: number): Rng {
    const key = streamKey(this.seed, owner, purposeHash);
    return this.algorithm === 'sfc32' ? new Sfc32(key) : new Alea(key);
  }
}
