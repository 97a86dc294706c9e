// The per-second funnel: counts per second and distinct viewers per stage.
export { Funnel, FUNNEL_STAGES, SERIES, type FunnelStage, type Series } from './funnel.ts';
