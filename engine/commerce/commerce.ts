// The commerce service: `handle(state, message, now)` applies one message and returns what to send;
// `advance(state, now)` lets time pass (flash sales end, social proof goes out). Both mutate `state` in
// place and are its only writers. Messages that are not commerce's business are ignored.
import type { Addressed, ControlMsg, HostUp, ViewerDown, ViewerUp } from '../protocol.ts';
import { checkout } from './checkout/index.ts';
import { handleControl } from './control.ts';
import { handleHost } from './host.ts';
import type { CommerceState } from './state.ts';
import { timePasses } from './time.ts';
import { handleViewer } from './viewer.ts';

export type CommerceInput = ViewerUp | HostUp | ControlMsg;
export type CommerceOutbound = Addressed<ViewerDown>;

export function advance(state: CommerceState, now: number): CommerceOutbound[] {
  if (!(Number.isFinite(now) && now >= state.now)) {
    throw new RangeError(`commerce: now must be a finite virtual time ≥ the last one (${state.now} ms), got ${now}`);
  }
  state.now = now;
  return timePasses(state, now);
}

export function handle(state: CommerceState, msg: CommerceInput, now: number): CommerceOutbound[] {
  const out = advance(state, now);
  switch (msg.type) {
    case 'checkout.submitted':
      out.push(...checkout(state, msg, now));
      return out;
    case 'host.segment':
    case 'host.pitch':
    case 'host.flashsale':
    case 'host.answer':
      out.push(...handleHost(state, msg, now));
      return out;
    case 'coupon.issue':
    case 'payment.outage':
    case 'stock.restock':
    case 'show.ended':
      out.push(...handleControl(state, msg, now));
      return out;
    default:
      handleViewer(state, msg, now);
      return out;
  }
}
