// The report hook `livelab run` loads (runner/commands/run.ts): writes DIR/report.html for a fresh result.
import path from 'node:path';
import type { RunResult } from '../engine/result.ts';
import { loadReportAssets, renderReport } from '../reports/index.ts';
import { writeAtomic } from './output.ts';

export async function writeRunReport(result: RunResult, dir: string): Promise<string[]> {
  const file = path.join(dir, 'report.html');
  writeAtomic(file, renderReport(result, loadReportAssets()));
  return [file];
}
