/// <reference lib="dom" />
// The browser viewer page: joins the room over a WebSocket (and a WebRTC data channel through simple-peer
// when `?rtc=1`), shows the chat, the product on stage and a buy button, and keeps what it saw in
// `window.__livelab` for puppeteer (runner/stress/browsers.ts). Query: ?token=…&viewer=… (from the stress
// runner), else a fresh viewer from POST /join; &rtc=1 for the data channel; &autobuy=1 buys the first
// pitched product by itself.
import type { ViewerDown, ViewerUp } from '../engine/protocol.ts';
import { decodeDown, encodeUp, framesOf, type DownFrame } from '../engine/server/wire.ts';

interface PeerLike {
  connected: boolean;
  signal(d: unknown): void;
  send(s: string): void;
  destroy(): void;
  on(ev: string, fn: (x: unknown) => void): void;
}
declare const SimplePeer: (new (opts: Record<string, unknown>) => PeerLike) | undefined;

/** What the page saw, read back by runner/stress/browsers.ts from window.__livelab.seen. */
export interface Seen {
  viewer: number;
  connected: boolean;
  channel: 'ws' | 'rtc';
  connectMs: number | null;
  reconnects: number;
  comments: number;
  commentLatencyMs: number[];
  pitches: { sku: string; latencyMs: number | null }[];
  cards: { sku: string; reason: string; latencyMs: number | null }[];
  coupons: number;
  answers: number;
  orders: { key: string; orderId: string | null; rejected: string | null; rttMs: number | null }[];
  sentComments: number;
  errors: string[];
  rtc: 'off' | 'connecting' | 'open' | 'refused' | 'failed';
}

const params = new URLSearchParams(location.search);
const now = (): number => performance.timeOrigin + performance.now();
const $ = (id: string) => document.getElementById(id)!;

const seen: Seen = {
  viewer: -1,
  connected: false,
  channel: 'ws',
  connectMs: null,
  reconnects: 0,
  comments: 0,
  commentLatencyMs: [],
  pitches: [],
  cards: [],
  coupons: 0,
  answers: 0,
  orders: [],
  sentComments: 0,
  errors: [],
  rtc: 'off',
};
(window as unknown as { __livelab: { seen: Seen; buy: () => boolean; say: (t: string) => void } }).__livelab = { seen, buy: () => buy(), say: (t) => say(t) };

let ws: WebSocket | null = null;
let peer: PeerLike | null = null;
let token = params.get('token') ?? '';
let onStage: { sku: string; price: number } | null = null;
const names = new Map<string, string>();
const pending = new Map<string, { msg: ViewerUp; sentAt: number }>();
let orderSeq = 0;
let everOpened = false;
let joined = false;

function send(m: ViewerUp): void {
  const frame = encodeUp(m, now(), now());
  if (peer !== null && peer.connected) peer.send(frame);
  else if (ws !== null && ws.readyState === WebSocket.OPEN) ws.send(frame);
}

function line(text: string): void {
  const chat = $('chat');
  const d = document.createElement('div');
  d.textContent = text;
  chat.prepend(d);
  while (chat.childElementCount > 60) chat.lastElementChild!.remove();
}

function showCard(sku: string, price: number, note: string): void {
  onStage = { sku, price };
  $('card').innerHTML = '';
  const name = document.createElement('div');
  name.textContent = names.get(sku) ?? sku;
  const p = document.createElement('div');
  p.className = 'price';
  p.textContent = `¥${price.toFixed(2)}`;
  const n = document.createElement('div');
  n.textContent = note;
  n.style.fontSize = '12px';
  $('card').append(name, p, n);
  ($('buy') as HTMLButtonElement).disabled = false;
}

function buy(): boolean {
  if (onStage === null || seen.viewer < 0) return false;
  const key = `b${seen.viewer}-o${++orderSeq}`;
  send({ type: 'cart.added', viewer: seen.viewer, sku: onStage.sku, qty: 1 });
  const msg: ViewerUp = { type: 'checkout.submitted', viewer: seen.viewer, idempotencyKey: key };
  pending.set(key, { msg, sentAt: now() });
  seen.orders.push({ key, orderId: null, rejected: null, rttMs: null });
  send(msg);
  $('orders').textContent = `order ${key}: submitted…`;
  return true;
}

function say(text: string): void {
  if (seen.viewer < 0 || text.trim() === '') return;
  send({ type: 'danmaku.sent', viewer: seen.viewer, text: text.slice(0, 200), lang: /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en' });
  seen.sentComments++;
}

function onDown(f: DownFrame): void {
  const m = f.m;
  const t = now();
  switch (m.type) {
    case 'welcome':
      seen.viewer = m.viewer;
      $('who').textContent = `viewer ${m.viewer}`;
      return;
    case 'rtc.signal':
      peer?.signal(m.data);
      return;
    case 'rtc.refused':
      seen.rtc = 'refused';
      peer?.destroy();
      peer = null;
      return;
    case 'error':
      seen.errors.push(`${m.reason}: ${m.detail ?? ''}`);
      return;
    case 'pong':
      return;
    default:
      break;
  }
  const d = m as ViewerDown;
  const lat = f.c !== undefined && f.c[0] > 0 ? t - f.c[0] : null;
  switch (d.type) {
    case 'danmaku.batch':
      d.items.forEach((it, i) => {
        seen.comments++;
        const st = f.it?.[i];
        if (st !== undefined && st[0] > 0) seen.commentLatencyMs.push(t - st[0]);
        line(it.text);
      });
      break;
    case 'product.pitched':
      seen.pitches.push({ sku: d.sku, latencyMs: lat });
      showCard(d.sku, d.price, `pitched live · ${d.stockLeft} left`);
      if (params.get('autobuy') === '1' && seen.orders.length === 0) setTimeout(buy, 300);
      break;
    case 'product.card':
      seen.cards.push({ sku: d.sku, reason: d.reason, latencyMs: lat });
      showCard(d.sku, d.price, `for you (${d.reason})`);
      break;
    case 'flashsale.started':
      showCard(d.sku, d.price, `flash sale: ${d.stock} units`);
      break;
    case 'coupon.offered':
      seen.coupons++;
      $('coupons').textContent = `coupon ¥${d.discount} off over ¥${d.minSpend}`;
      break;
    case 'host.answered':
      seen.answers++;
      line(`主播回答了 (${d.intent})`);
      break;
    case 'order.confirmed':
    case 'order.rejected': {
      const p = pending.get(d.idempotencyKey);
      pending.delete(d.idempotencyKey);
      const o = seen.orders.find((x) => x.key === d.idempotencyKey);
      if (o !== undefined) {
        if (d.type === 'order.confirmed') o.orderId = d.orderId;
        else o.rejected = d.reason;
        if (p !== undefined && o.rttMs === null) o.rttMs = t - p.sentAt;
      }
      $('orders').textContent = d.type === 'order.confirmed' ? `order ${d.orderId} confirmed · ¥${d.total}` : `order rejected: ${d.reason}`;
      break;
    }
    default:
      break;
  }
}

function startRtc(): void {
  if (params.get('rtc') !== '1' || typeof SimplePeer === 'undefined') return;
  seen.rtc = 'connecting';
  const p = new SimplePeer({ initiator: true, trickle: true, config: { iceServers: [] } });
  peer = p;
  p.on('signal', (data) => ws?.readyState === WebSocket.OPEN && ws.send(JSON.stringify({ m: { type: 'rtc.signal', data } })));
  p.on('connect', () => {
    seen.rtc = 'open';
    seen.channel = 'rtc';
    $('channel').textContent = 'WebRTC';
  });
  p.on('data', (d) => {
    const f = decodeDown(typeof d === 'string' ? d : new TextDecoder().decode(d as Uint8Array));
    if (f !== null) framesOf(f).forEach(onDown);
  });
  p.on('error', () => (seen.rtc = 'failed'));
  p.on('close', () => {
    if (peer === p) peer = null;
    seen.channel = 'ws';
  });
}

function connect(): void {
  const started = now();
  const sock = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}`);
  ws = sock;
  sock.onopen = () => {
    seen.connected = true;
    $('status').textContent = 'live';
    $('status').className = 'open';
    if (!everOpened) seen.connectMs = now() - started;
    else seen.reconnects++;
    everOpened = true;
    const viewer = Number(params.get('viewer') ?? seen.viewer);
    seen.viewer = viewer;
    send({ type: 'room.join', viewer, network: 'wifi', follower: false });
    joined = true;
    for (const p of pending.values()) send(p.msg);
    startRtc();
  };
  sock.onmessage = (e) => {
    const f = decodeDown(String(e.data));
    if (f !== null) framesOf(f).forEach(onDown);
  };
  sock.onclose = () => {
    seen.connected = false;
    $('status').textContent = 'reconnecting';
    $('status').className = '';
    peer?.destroy();
    peer = null;
    setTimeout(connect, 500 + Math.random() * 1000);
  };
}

async function main(): Promise<void> {
  if (token === '') {
    const r = await fetch('/join', { method: 'POST' });
    const j = (await r.json()) as { viewer: number; token: string };
    token = j.token;
    params.set('viewer', String(j.viewer));
  }
  try {
    const show = (await (await fetch('/show')).json()) as { skus: { id: string; name: { zh: string; en: string } }[] };
    for (const s of show.skus) names.set(s.id, `${s.name.zh} · ${s.name.en}`);
  } catch {
    /* names are decoration */
  }
  $('buy').addEventListener('click', () => void buy());
  $('say').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = $('text') as HTMLInputElement;
    say(input.value);
    input.value = '';
  });
  connect();
  void joined;
}

void main();
