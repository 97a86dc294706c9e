// Online change detectors behind one interface: CUSUM, EWMA chart, Page–Hinkley.
export { Baseline, type BaselineParams, type Detector, type Direction } from './detector.ts';
export { cusum, CUSUM_DEFAULTS, type CusumParams } from './cusum.ts';
export { ewmaChart, EWMA_DEFAULTS, type EwmaParams } from './ewma.ts';
export { pageHinkley, PAGE_HINKLEY_DEFAULTS, type PageHinkleyParams } from './page-hinkley.ts';
export { DETECTORS, DETECTOR_NAMES, createDetector, type DetectorName, type DetectorParams, type DetectorSpec } from './registry.ts';
