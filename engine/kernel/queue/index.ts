// Event queues ordered by (time, seq): a general one with cancellable handles, and one for agent timers.
export { EventQueue, type EventHandle } from './event-queue.ts';
export { AgentQueue } from './agent-queue.ts';
export { Sequence } from './sequence.ts';
