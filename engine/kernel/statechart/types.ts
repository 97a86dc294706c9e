// The compiled form of an XState v5 machine: state nodes as indexed records, transitions and actions
// resolved once (named actions, guards and delays looked up in the machine's implementations), and
// every `after` timer given a fixed per-agent slot.
import type { AnyStateMachine } from 'xstate';

export type XEvent = { type: string; [k: string]: unknown };
export type AnyFn = (...args: any[]) => any;

export const A_CUSTOM = 0;
export const A_ASSIGN = 1;
export const A_RAISE = 2; // immediate raise → internal queue
export const A_DELAYED_RAISE = 3; // raise with a delay that is not an `after` timer → dynamic timer
export const A_ARM = 4; // the raise XState adds for an `after` transition
export const A_DISARM = 5; // the cancel XState adds for an `after` transition on exit
export const A_CANCEL = 6; // a user cancel(id) of a delayed raise
export const A_EMIT = 7;
export const A_ENQUEUE = 8;

export interface CompiledAction {
  kind: number;
  name: string;
  /** custom: the implementation; enqueue: the collect function; assign: function assignment */
  fn: AnyFn | null;
  /** assign: property assigners; raise/emit: the event object or expression */
  data: unknown;
  params: unknown;
  /** delay: a number, or a function of ({ context, event }, params) */
  delay: number | AnyFn | null;
  /** timer slot (arm/disarm) or the raise id (delayed raise / cancel) */
  slot: number;
  id: string | null;
  /** assign with property assigners: their keys (filled on first use) */
  keys?: string[];
  /** arm: index into CompiledMachine.timers */
  timer?: number;
}

export interface CompiledTransition {
  index: number;
  source: number;
  /** target node indices, empty for targetless */
  targets: number[];
  reenter: boolean;
  guard: AnyFn | null;
  guardParams: unknown;
  actions: CompiledAction[];
  eventType: string;
}

export interface CompiledNode {
  index: number;
  id: string;
  key: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final';
  parent: number; // -1 for the root
  children: number[];
  order: number;
  depth: number;
  /** compound: its initial child */
  initial: number;
  initialActions: CompiledAction[];
  entry: CompiledAction[];
  exit: CompiledAction[];
  /** event type → candidates in XState's order (exact match only) */
  on: Map<string, CompiledTransition[]>;
}

export interface TimerSlotInfo {
  index: number;
  slot: number;
  node: number;
  /** the event XState raises when it fires: `xstate.after.<delay>.<node id>` */
  event: XEvent;
}

export interface CompiledMachine {
  machine: AnyStateMachine;
  id: string;
  nodes: CompiledNode[];
  transitions: CompiledTransition[];
  /** per-agent timer slots (after-timers of states that can never be active together share one) */
  slotCount: number;
  /** every `after` timer, and by its event type */
  timers: TimerSlotInfo[];
  timerByEvent: Map<string, TimerSlotInfo>;
  /** event types handled anywhere in the machine (used to reject unknown events cheaply) */
  eventTypes: Set<string>;
  contextFactory: ((args: { input: unknown }) => unknown) | null;
  staticContext: unknown;
}
