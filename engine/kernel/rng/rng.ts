// The one interface every random stream implements, whichever generator is behind it.

/** A uniform generator on [0, 1), with its state saved and restored as plain numbers. */
export interface Rng {
  /** uniform in [0, 1) with 32 random bits */
  next(): number;
  /** a uniform 32-bit unsigned integer */
  nextU32(): number;
  /** a copy of the generator state, enough to replay the stream from here */
  save(): RngState;
  restore(state: RngState): void;
}

export type RngAlgorithm = 'sfc32' | 'alea';
export const RNG_ALGORITHMS = ['sfc32', 'alea'] as const satisfies readonly RngAlgorithm[];

export interface RngState {
  readonly algorithm: RngAlgorithm;
  readonly words: readonly number[];
}
