// What every report section reads: the result, its parsed detail, the chart collector, the show length.
import type { RunResult } from '../../../engine/result.ts';
import type { ReportDetail } from '../../../engine/result-detail.ts';
import type { CoreDetail } from '../../detail.ts';
import type { ChartSet } from '../blocks.ts';

export interface SectionContext {
  result: RunResult;
  core: CoreDetail | null;
  ext: ReportDetail;
  charts: ChartSet;
  /** show length in minutes (from the series, else the run's duration, else 0) */
  minutes: number;
  startTimeOfDay?: string;
  /** the "not recorded" (or "could not be read") note for a detail field */
  missing: (what: string, field: string) => string;
}
