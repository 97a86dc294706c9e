// Clocks: virtual time for simulations (XState-compatible), the interface both runtimes share.
export type { KernelClock } from './clock.ts';
export { VirtualClock } from './virtual-clock.ts';
