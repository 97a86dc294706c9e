// The clock interface shared by both runtimes. It is XState's `Clock` (setTimeout/clearTimeout) plus now().
export interface KernelClock {
  now(): number;
  setTimeout(fn: (...args: unknown[]) => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}
