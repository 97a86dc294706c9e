// The simulation kernel: virtual time, (time, seq)-ordered queues, named RNG streams, epochs,
// trace digest, id allocators, and the compiled-statechart fast path. The only door into engine/kernel.
export * from './rng/index.ts';
export * from './queue/index.ts';
export * from './clock/index.ts';
export * from './epoch/index.ts';
export { TraceDigest } from './digest.ts';
export { InputError, formatProblem, type InputProblem } from './errors.ts';
export { IdAllocator, type Brand, type ViewerId, type SkuId, type OrderId, type CouponId } from './ids.ts';
export * from './statechart/index.ts';
