// Calibration: fixed experiments of the viewer machine against published figures, and the harnesses
// that run sessions (XState actors) and cohorts (the statechart fast path).
export { runCalibration, type CalibrationRow, type CalibrationOptions } from './experiments.ts';
export { formatTable } from './table.ts';
export { runSession, type SessionOptions, type SessionResult, type TimedEvent } from './harness.ts';
export { runCohort, type CohortOptions, type ViewerOutcome } from './cohort.ts';
export { mediaScript, showScript, SAMPLE_SKUS, type ShowSku } from './scripts.ts';
