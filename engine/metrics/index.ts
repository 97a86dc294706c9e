// Metrics: HDR histograms, binned time series, Kaplan–Meier survival, exact quantiles.
export { Histogram, type Percentiles } from './histogram.ts';
export { BinnedSeries, levelsFromChanges } from './series.ts';
export { kaplanMeier, survivalAt, resample, type Observation, type SurvivalPoint } from './survival.ts';
export { quantile, mean } from './quantile.ts';
