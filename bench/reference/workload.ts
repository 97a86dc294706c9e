// Drives the reference workload through the kernel: arrivals are caller events on the runtime's queue,
// each viewer is an agent of the compiled viewer statechart. Returns bench-ref's totals.
import {
  Sfc32, StatechartRuntime, STEP_EXTERNAL, STEP_IDLE, compileMachine, exponential,
} from '../../engine/kernel/index.ts';
import { REF, createRefViewerMachine, newRefTotals, type RefTotals } from './viewer-machine.ts';

const ARRIVAL = 0;

export interface ReferenceRun {
  totals: RefTotals;
  macrosteps: number;
  configurations: number;
  slotsPerAgent: number;
}

export interface ReferenceOptions {
  n: number;
  seed: number;
  /** called once when virtual time first reaches `probeAt` (memory probes) */
  probeAt?: number;
  onProbe?: (totals: RefTotals) => void;
}

export function runReference(opts: ReferenceOptions): ReferenceRun {
  const T = newRefTotals();
  const compiled = compileMachine(createRefViewerMachine(T));
  const rt = new StatechartRuntime(compiled, {
    onDone: (agent) => rt.release(agent),
  });
  const arrivalRng = Sfc32.reference(opts.seed, 0);
  const arrivalMean = REF.ARRIVAL_WINDOW / opts.n;
  let arrived = 0;
  rt.schedule(exponential(arrivalRng, arrivalMean), ARRIVAL);
  let probeAt = opts.probeAt ?? Infinity;
  for (;;) {
    const until = Math.min(REF.T_END, probeAt);
    const r = rt.step(until);
    if (r === STEP_IDLE) {
      if (until === REF.T_END) break;
      opts.onProbe?.(T);
      probeAt = Infinity;
      continue;
    }
    if (r !== STEP_EXTERNAL) continue;
    // an arrival: the viewer's own stream is stream i + 1, as in the spec
    const id = arrived++;
    T.joins++;
    if (++T.active > T.peakActive) T.peakActive = T.active;
    rt.spawn({ rng: Sfc32.reference(opts.seed, id + 1) });
    if (arrived < opts.n) rt.schedule(rt.now + exponential(arrivalRng, arrivalMean), ARRIVAL);
  }
  T.events = T.joins + T.startups + T.stallChecks + T.stallEnds + T.comments + T.clicks + T.purchases + T.leaves;
  return { totals: T, macrosteps: rt.macrosteps, configurations: rt.configs.list.length, slotsPerAgent: compiled.slotCount };
}
