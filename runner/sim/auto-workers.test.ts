import { describe, expect, it } from 'vitest';
import { AUTO_WORKERS_MIN_VIEWERS, autoWorkers } from './simulate.ts';

describe('--workers auto', () => {
  it('one thread for small audiences; for large ones, one per idle core', () => {
    expect(autoWorkers(AUTO_WORKERS_MIN_VIEWERS - 1, 8, 0)).toBe(1);
    expect(autoWorkers(AUTO_WORKERS_MIN_VIEWERS, 2, 0.2)).toBe(2);
    // the load a run of our own leaves behind for a minute does not cost the second thread
    expect(autoWorkers(100_000, 2, 1.3)).toBe(2);
    expect(autoWorkers(100_000, 8, 2.6)).toBe(6);
    // a busy machine: no idle core, so no second thread to wait for
    expect(autoWorkers(100_000, 2, 1.7)).toBe(1);
    expect(autoWorkers(100_000, 2, 9)).toBe(1);
  });
});
