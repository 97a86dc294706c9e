// `npm run calibrate [-- --viewers=N --seed=S]`: runs the calibration experiments and prints the table.
// Exit code 1 when a figure is outside its tolerance.
import { runCalibration } from './experiments.ts';
import { formatTable } from './table.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const viewers = Number(arg('viewers') ?? 2000);
const seed = Number(arg('seed') ?? 2024);
const rows = runCalibration({ viewers, seed });
process.stdout.write(`LiveLab agents calibration (${viewers} viewers, seed ${seed})\n\n${formatTable(rows)}\n`);
if (rows.some((r) => !r.pass)) process.exitCode = 1;
