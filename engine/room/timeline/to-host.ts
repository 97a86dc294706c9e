// Turns timeline events into the host's messages to the stack, for a scripted host (the baseline) or for a
// runtime that drives the services before the host agent exists. Q&A has no message: the host answers prompts.
import type { HostUp } from '../../protocol.ts';
import type { TimelineEvent } from './types.ts';

export function timelineEventToHostUp(e: TimelineEvent): HostUp | undefined {
  switch (e.kind) {
    case 'segment':
      return { type: 'host.segment', sku: e.sku };
    case 'pitch':
      return { type: 'host.pitch', sku: e.sku };
    case 'flashsale':
      return { type: 'host.flashsale', sku: e.sku, price: e.price, stock: e.stock, durationMs: e.durationMs };
    case 'qa':
      return undefined;
  }
}
