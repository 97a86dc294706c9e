// Trace importers: Mahimahi, Pensieve and LiveLab CSV. Each takes the file's text and name and returns a
// TraceProfile, or throws an InputError listing every bad line (file:line, field, value, expectation).
import type { TraceProfile } from '../types.ts';
import { importCsv } from './csv.ts';
import { importMahimahi, type TraceImportOptions } from './mahimahi.ts';
import { importPensieve } from './pensieve.ts';

export { importMahimahi, MAHIMAHI_PACKET_BYTES, type TraceImportOptions } from './mahimahi.ts';
export { importPensieve, PENSIEVE_RTT_MS } from './pensieve.ts';
export { importCsv, CSV_COLUMNS } from './csv.ts';
export { MAX_PROBLEMS } from './problems.ts';

export const TRACE_FORMATS = ['mahimahi', 'pensieve', 'csv'] as const;
export type TraceFormat = (typeof TRACE_FORMATS)[number];

export function importTrace(format: TraceFormat, text: string, opts: TraceImportOptions): TraceProfile {
  if (format === 'mahimahi') return importMahimahi(text, opts);
  if (format === 'pensieve') return importPensieve(text, opts);
  return importCsv(text, { file: opts.file, ...(opts.name !== undefined ? { name: opts.name } : {}) });
}
