// Test fixtures shared by the marketing and strategies suites: a small beauty catalog and a driver that
// feeds timed messages through epochs of Δ ms the way the runtime will (ingest in order, tick at each
// boundary). Not used by the engine itself.
import type { HostDown, HostUp, ViewerDown, ViewerUp } from '../protocol.ts';
import type { CatalogInfo } from './core/catalog.ts';
import { ingest, ingestHost, observe } from './ingest.ts';
import type { MarketingState } from './state.ts';
import { tick } from './tick.ts';
import type { MarketingOutbound } from './types.ts';

export const BEAUTY_CATALOG: CatalogInfo = {
  skus: [
    { sku: 'lip-01', name: 'Velvet Rouge', category: 'lipstick', price: 89, margin: 0.55, aliases: ['丝绒口红'] },
    { sku: 'lip-02', name: 'Glass Gloss', category: 'lipstick', price: 159, margin: 0.6 },
    { sku: 'lip-03', name: 'Couture Red', category: 'lipstick', price: 329, margin: 0.7 },
    { sku: 'eye-01', name: 'Nude Palette', category: 'eyeshadow', price: 129, margin: 0.5 },
    { sku: 'eye-02', name: 'Sunset Palette', category: 'eyeshadow', price: 399, margin: 0.65 },
    { sku: 'fdn-01', name: 'Silk Foundation', category: 'foundation', price: 49, margin: 0.35 },
    { sku: 'fdn-02', name: 'Cushion Glow', category: 'foundation', price: 259, margin: 0.45 },
    { sku: 'msk-01', name: 'Hydra Mask', category: 'skincare', price: 29, margin: 0.3 },
  ],
};

export type Timed =
  | { t: number; up: ViewerUp }
  | { t: number; host: HostUp }
  | { t: number; down: ViewerDown; viewer: number };

/** An outbound message with the time of the tick that sent it. */
export type Stamped = MarketingOutbound & { t: number };

/** Feeds messages (sorted by t, stable) through epochs [k·Δ, (k+1)·Δ) and ticks at every boundary up to `until`. */
export function drive(s: MarketingState, msgs: readonly Timed[], until: number, delta = 100): Stamped[] {
  const sorted = msgs.map((m, i) => ({ m, i })).sort((a, b) => a.m.t - b.m.t || a.i - b.i);
  const out: Stamped[] = [];
  let k = 0;
  for (let end = delta; end <= until; end += delta) {
    for (; k < sorted.length && sorted[k]!.m.t < end; k++) {
      const m = sorted[k]!.m;
      if ('up' in m) ingest(s, m.up, m.t);
      else if ('host' in m) ingestHost(s, m.host, m.t);
      else observe(s, m.viewer, m.down, m.t);
    }
    for (const o of tick(s, end)) out.push({ ...o, t: end });
  }
  return out;
}

export const say = (t: number, viewer: number, text: string, lang: 'zh' | 'en' = 'zh'): Timed => ({ t, up: { type: 'danmaku.sent', viewer, text, lang } });
export const join = (t: number, viewer: number): Timed => ({ t, up: { type: 'room.join', viewer, network: 'wifi', follower: false } });
export const view = (t: number, viewer: number, sku: string): Timed => ({ t, up: { type: 'product.viewed', viewer, sku } });
export const cart = (t: number, viewer: number, sku: string): Timed => ({ t, up: { type: 'cart.added', viewer, sku, qty: 1 } });

/** Targeted pushes of a tick's output: product cards to viewers and coupons issued through commerce. */
export function pushes(out: readonly MarketingOutbound[]): { viewer: number; kind: 'card' | 'coupon'; sku: string | undefined }[] {
  const r: { viewer: number; kind: 'card' | 'coupon'; sku: string | undefined }[] = [];
  for (const o of out) {
    if (typeof o.to === 'number' && o.msg.type === 'product.card') r.push({ viewer: o.to, kind: 'card', sku: o.msg.sku });
    if (o.to === 'commerce' && o.msg.type === 'coupon.issue' && typeof o.msg.to === 'number') r.push({ viewer: o.msg.to, kind: 'coupon', sku: o.msg.sku });
  }
  return r;
}

/** Host prompts of a tick's output. */
export function hostPrompts(out: readonly MarketingOutbound[]): HostDown[] {
  return out.flatMap((o) => (o.to === 'host' && o.msg.type === 'host.prompt' ? [o.msg] : []));
}
