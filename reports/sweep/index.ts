// sweep.html: the report of `livelab sweep` (renderSweep), with its chart builder.
export { renderSweep } from './render.ts';
export { sweepChart, sweepPoints, type SweepPoint } from './chart.ts';
