// The detectors the funnel monitor can run, as one `as const` registry. Each entry carries its cited
// defaults and the claims the contract suite (contract.test.ts) holds it to, with the engine's
// parameters (config.ts): how many samples after a +3σ step it must alarm, and how many false alarms
// per 10,000 stationary Gaussian samples it may raise.
import type { BaselineParams, Detector, Direction } from './detector.ts';
import { cusum, CUSUM_DEFAULTS, type CusumParams } from './cusum.ts';
import { ewmaChart, EWMA_DEFAULTS, type EwmaParams } from './ewma.ts';
import { pageHinkley, PAGE_HINKLEY_DEFAULTS, type PageHinkleyParams } from './page-hinkley.ts';

export const DETECTOR_NAMES = ['cusum', 'ewma', 'page-hinkley'] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

export interface DetectorParams {
  cusum: CusumParams;
  ewma: EwmaParams;
  'page-hinkley': PageHinkleyParams;
}

export interface DetectorSpec<N extends DetectorName> {
  name: N;
  /** where the defaults come from */
  source: string;
  defaults: DetectorParams[N];
  make(p: DetectorParams[N], direction: Direction, baseline: BaselineParams): Detector;
  /** contract claims under the engine's parameters */
  claims: { stepDelayMax: number; falseAlarmsPer10k: number };
}

export const DETECTORS = [
  { name: 'cusum', source: 'river/drift/cusum.py', defaults: CUSUM_DEFAULTS, make: cusum, claims: { stepDelayMax: 6, falseAlarmsPer10k: 3 } },
  { name: 'ewma', source: 'river/drift/ewma.py', defaults: EWMA_DEFAULTS, make: ewmaChart, claims: { stepDelayMax: 10, falseAlarmsPer10k: 3 } },
  { name: 'page-hinkley', source: 'river/drift/page_hinkley.py', defaults: PAGE_HINKLEY_DEFAULTS, make: pageHinkley, claims: { stepDelayMax: 40, falseAlarmsPer10k: 3 } },
] as const satisfies { [K in DetectorName]: DetectorSpec<K> }[DetectorName][];

/** A detector by name with the given parameters. */
export function createDetector(name: DetectorName, params: DetectorParams, direction: Direction, baseline: BaselineParams): Detector {
  switch (name) {
    case 'cusum':
      return cusum(params.cusum, direction, baseline);
    case 'ewma':
      return ewmaChart(params.ewma, direction, baseline);
    case 'page-hinkley':
      return pageHinkley(params['page-hinkley'], direction, baseline);
  }
}
