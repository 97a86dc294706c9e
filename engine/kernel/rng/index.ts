// Named, seeded random streams: the only source of randomness in the simulation path.
export type { Rng, RngAlgorithm, RngState } from './rng.ts';
export { RNG_ALGORITHMS } from './rng.ts';
export { Sfc32 } from './sfc32.ts';
export { Alea } from './alea.ts';
export { RngStreams, streamKey } from './streams.ts';
export { mix32, hashString, foldInt } from './hash.ts';
export * from './distributions.ts';
