// Reads the optional report detail of a RunResult field by field: a field that is absent, or present but
// not in the documented shape, is treated as "not recorded" (its section says so) and never breaks the
// rest of the report. The CLI validates strictly before rendering; this is the renderer's own guard.
import { z } from 'zod';
import type { RunResult } from '../engine/result.ts';
import { ReportDetailSchema, type ReportDetail } from '../engine/result-detail.ts';

const series = z.array(z.number());
/** The per-bin series engine/result.ts names (required there when `detail` is present). */
export const CoreDetailSchema = z.object({
  binMs: z.number().positive(),
  concurrent: series,
  arrivals: series,
  departures: series,
  funnel: z.object({ entered: series, productViewed: series, addedToCart: series, checkedOut: series, paid: series }),
  gmv: series,
  latencyToLiveMs: series.optional(),
});
export type CoreDetail = z.infer<typeof CoreDetailSchema>;

export interface ReadDetail {
  /** the core series, or null when the run recorded none */
  core: CoreDetail | null;
  /** every optional field that parsed */
  ext: ReportDetail;
  /** fields present but malformed, as dotted paths (shown in the report) */
  malformed: string[];
}

const EXT_KEYS = Object.keys(ReportDetailSchema.shape) as (keyof ReportDetail)[];

export function readDetail(result: RunResult): ReadDetail {
  const raw = (result.detail ?? null) as Record<string, unknown> | null;
  const malformed: string[] = [];
  if (raw === null || typeof raw !== 'object') return { core: null, ext: {}, malformed };
  const core = CoreDetailSchema.safeParse(raw);
  if (!core.success) for (const key of new Set(core.error.issues.map((i) => String(i.path[0])))) malformed.push(`detail.${key}`);
  const ext: Record<string, unknown> = {};
  for (const key of EXT_KEYS) {
    if (raw[key] === undefined) continue;
    const parsed = ReportDetailSchema.shape[key].safeParse(raw[key]);
    if (parsed.success) ext[key] = parsed.data;
    else malformed.push(`detail.${key}`);
  }
  return { core: core.success ? core.data : null, ext: ext as ReportDetail, malformed };
}

/** Problems of a result's report detail (the raw `detail` value), for the CLI's strict check. */
export function detailProblems(detail: unknown): { path: string; expected: string; value: unknown }[] {
  if (detail === undefined || detail === null || typeof detail !== 'object') return [];
  const parsed = ReportDetailSchema.safeParse(detail);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => {
    let value: unknown = detail;
    for (const k of i.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey];
    return { path: ['detail', ...i.path.map(String)].join('.'), expected: i.code === 'invalid_type' ? String(i.expected) : i.message, value };
  });
}
