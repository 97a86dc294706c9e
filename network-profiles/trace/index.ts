// The two kinds of LinkTrace: a fixed step trace shared by all viewers, and a per-viewer family trace.
export { StepTrace, type StepColumns, type StepTraceOptions } from './step-trace.ts';
export { FamilyTrace, OUTAGE_SLOT_MS } from './family-trace.ts';
export { hashAt, unitAt, gaussAt, gaussCodeAt, gaussOfCode, lognormalTable, subKey } from './noise.ts';
