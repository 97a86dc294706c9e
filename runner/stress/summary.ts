// The stress run's summary table: latencies (p50/p99/p99.9/max), orders, server resources, faults and
// the issue's targets, as plain text for a terminal.
import type { StressResult } from './coordinator.ts';

const ROWS: [key: string, label: string][] = [
  ['connect', 'connect (WebSocket open)'],
  ['reconnect', 'reconnect (drop → open again)'],
  ['fanout.e2e', 'danmaku fan-out, end to end (shaped)'],
  ['fanout.shaping', '  of which: the two viewers\' networks (shaping)'],
  ['fanout.wire', 'danmaku fan-out, on the wire'],
  ['fanout.server', '  of which: sender write → server send'],
  ['fanout.e2e.steady', 'danmaku fan-out, end to end, steady hold'],
  ['fanout.wire.steady', 'danmaku fan-out, on the wire, steady hold'],
  ['fanout.server.steady', '  of which: sender write → server frame'],
  ['fanout.recv.steady', '  of which: server frame → receiver socket'],
  ['prompt.e2e', 'comment → host prompt'],
  ['prompt.wire', 'comment → host prompt, on the wire'],
  ['prompt.wire.steady', 'comment → host prompt, wire, steady hold'],
  ['targeting.e2e', 'behaviour → targeted push'],
  ['targeting.wire', 'behaviour → targeted push, on the wire'],
  ['targeting.wire.steady', 'behaviour → targeted push, wire, steady'],
  ['pitch.e2e', 'host pitch → viewers'],
  ['order.rtt', 'order round trip (submit → confirmed)'],
];

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const ms = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x >= 10_000 ? `${(x / 1000).toFixed(1)}s` : x.toFixed(1));
const mb = (b: number | null | undefined) => (b === null || b === undefined ? '–' : `${(b / 2 ** 20).toFixed(0)} MB`);
const kb = (b: number | null | undefined) => (b === null || b === undefined ? '–' : `${(b / 1024).toFixed(1)} KB`);

export function formatSummary(r: StressResult): string {
  const out: string[] = [];
  const faults = r.faults.length ? r.faults.map((f) => `${f.kind}@${Math.round(f.atMs / 1000)}s`).join(',') : 'none';
  out.push(
    `livelab stress: ${r.viewers.toLocaleString('en-US')} viewers × ${Math.round(r.durationMs / 1000)} s on ${r.url} ` +
      `(${r.clients} client process${r.clients === 1 ? '' : 'es'}, shaping ${r.shaping ? 'on' : 'off'}, fan-out tick ${r.fanoutTickMs} ms${r.danmakuEveryMs > r.fanoutTickMs ? `, danmaku every ${r.danmakuEveryMs} ms per viewer` : ''}${r.clientNice ? `, clients at nice ${r.clientNice}` : ''}${r.probeViewers > 0 ? `, ${r.probeViewers} probe viewers in one more at nice 0` : ''}, faults: ${faults})`,
  );
  out.push(`comments: ${r.commentsPerSecond.measured}/s measured${r.commentsPerSecond.target !== null ? ` (target ${r.commentsPerSecond.target}/s)` : ''}`);
  out.push('');
  out.push(`${pad('latency (ms)', 42)}${lpad('count', 9)}${lpad('p50', 9)}${lpad('p99', 9)}${lpad('p99.9', 9)}${lpad('max', 9)}`);
  for (const [k, label] of ROWS) {
    const l = r.latency[k];
    if (l === undefined) continue;
    out.push(`${pad(label, 42)}${lpad(String(l.count), 9)}${lpad(ms(l.p50), 9)}${lpad(ms(l.p99), 9)}${lpad(ms(l.p999), 9)}${lpad(ms(l.max), 9)}`);
  }
  const o = r.orders;
  if (r.danmaku) {
    const d = r.danmaku;
    out.push(`danmaku shown: ${d.delivered} items to ~${d.meanViewers} viewers (${d.perViewerPerSecond}/s per viewer) of ${d.comments} comments: sampling ratio ${d.samplingRatio} (latencies above are of the delivered ones)`);
  }
  out.push('');
  out.push(
    `orders: sent ${o.sent}, confirmed ${o.confirmed}, rejected ${o.rejected}${o.rejected ? ` (${Object.entries(o.rejectedByReason).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}, ` +
      `retried ${o.retried}, duplicated ${o.duplicated}, lost ${o.lost} (audited against the ${o.source === 'none' ? '— no journal' : o.source}: ${o.journaled} orders)` +
      (o.source === 'none' ? '' : o.lost === 0 && o.duplicated === 0 ? ': no order was lost or duplicated' : ': ORDERS WERE LOST OR DUPLICATED'),
  );
  if (o.unanswered > 0) out.push(`  unanswered at the end: ${o.unanswered}, of which ${o.unansweredOffline} on a connection that was down (the client could not get back to the server), ${o.unanswered - o.unansweredOffline} on an open one`);
  if (o.lostKeys.length) out.push(`  lost keys: ${o.lostKeys.join(' ')}`);
  if (o.duplicateKeys.length) out.push(`  duplicated keys: ${o.duplicateKeys.join(' ')}`);
  const s = r.server;
  const hold = s.hold;
  out.push(
    `server: cpu avg ${s.cpuAvgPct ?? '–'}% peak ${s.cpuPeakPct ?? '–'}%, rss peak ${mb(s.rssPeakBytes)}, ${kb(s.memPerConnectionBytes)} per connection, ` +
      `event-loop p99 max ${s.loopP99MaxMs ?? '–'} ms; connections peak ${s.peakConnections}, held min ${hold.minConnections ?? '–'} avg ${hold.avgConnections ?? '–'} ` +
      `over ${Math.round(hold.fromMs / 1000)}–${Math.round(hold.toMs / 1000)} s${s.scrapesFailed ? `; ${s.scrapesFailed} /metrics scrapes unanswered within 5 s` : ''}`,
  );
  if (s.downtimeMs.length) out.push(`restarts: ${s.downtimeMs.length} (${s.restartMode}), downtime ${s.downtimeMs.map((d) => `${d} ms`).join(', ')}`);
  const m = s.metrics;
  const rejected = Object.entries(m).filter(([k, v]) => k.startsWith('livelab_frames_rejected_total') && v > 0).map(([k, v]) => `${/reason="([^"]+)"/.exec(k)?.[1]} ${v}`);
  out.push(
    `frames rejected by the server: ${rejected.length ? rejected.join(', ') : 'none'}; danmaku skipped for slow consumers ${m['livelab_danmaku_skipped_total'] ?? 0}, ` +
      `slow consumers closed ${m['livelab_slow_consumers_closed_total'] ?? 0}`,
  );
  const c = r.counters;
  const errs = Object.entries(c).filter(([k]) => k.startsWith('error.') || k.endsWith('.failures')).map(([k, v]) => `${k} ${v}`);
  const rtc = Object.entries(c).filter(([k]) => k.startsWith('rtc.')).map(([k, v]) => `${k.slice(4)} ${v}`);
  if (rtc.length) out.push(`webrtc data channels: ${rtc.join(', ')}`);
  out.push(`clients: reconnects ${c.reconnects ?? 0}, errors ${errs.length ? errs.join(', ') : 'none'}; ${r.clientProcesses.map((p) => `#${p.index} cpu ${p.cpuSeconds}s rss ${mb(p.rssBytes)} loop p99 ${p.loopP99Ms} ms`).join('; ')}`);
  if (r.host) out.push(`host: ${r.host.cues} cues, ${r.host.prompts} prompts received, ${r.host.answered} answered, over ${r.host.rtc ? 'WebRTC' : 'WebSocket'}`);
  const fr = r.faultResults;
  if (fr.flood) out.push(`flood: ${JSON.stringify(fr.flood)}`);
  if (fr.malformed) out.push(`malformed: ${JSON.stringify(fr.malformed)}`);
  if (fr.dropped !== undefined) out.push(`drop: ${fr.dropped} connections dropped`);
  if (r.browsers.length) {
    for (const b of r.browsers) out.push(`browser ${b.index}: ${b.summary}`);
  }
  if (r.netem.requested) out.push(`netem: ${r.netem.reason}`);
  if (r.cost) out.push(`cpu per viewer-second in the hold: clients ${r.cost.clientUsPerViewerSecond ?? '–'} µs, server ${r.cost.serverUsPerViewerSecond ?? '–'} µs (${r.cost.viewerSeconds} viewer-seconds over ${r.cost.holdS} s)`);
  const mc = r.machine;
  out.push(`machine: ${mc.cpus} cores, ${mc.busyCores} busy on average (this run ${mc.runCores}, other work ${mc.otherCores}); load ${mc.loadavgStart[0]} → ${mc.loadavgEnd[0]}; scheduling delay of an idle process p99 ${mc.schedP99Ms} ms, max ${mc.schedMaxMs} ms`);
  out.push('');
  out.push('targets:');
  for (const t of r.targets) out.push(`  ${t.ok === null ? '–' : t.ok ? '✓' : '✗'} ${pad(t.name, 62)} ${pad(t.target, 10)} measured ${t.measured ?? '–'}`);
  return out.join('\n');
}
