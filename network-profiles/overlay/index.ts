// Scripted network events (tunnel, handover, evening cell congestion) and the overlay they compile to.
export { Overlay } from './overlay.ts';
export {
  SCRIPTED_EVENT_KINDS,
  HANDOVER_DEFAULTS,
  RAMP_STEPS,
  cellShare,
  compileOverlay,
  validateEvents,
  type ScriptedEvent,
  type ScriptedEventKind,
  type TunnelEvent,
  type HandoverEvent,
  type CongestionEvent,
} from './events.ts';
