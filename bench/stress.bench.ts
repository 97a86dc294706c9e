// The stress benchmark (issue 7's targets): on this machine, server and clients together, 10,000
// concurrent WebSocket viewers held for 5 minutes (after a 60 s ramp) at 500 comments/s aggregate, each
// connection shaped by its viewer's network profile, the host agent over a WebRTC data channel, a SIGKILL
// restart of the server in the middle of the hold; figures: danmaku fan-out, comment → prompt and
// behaviour → targeted push percentiles, orders lost/duplicated through the restart, server CPU and
// memory per connection. `--quick`: 2,000 viewers for 60 s at 100 comments/s.
// Flags: --viewers N --duration S (seconds, ramp included) --ramp S --rate R --fanout-tick MS --no-shaping
// --restart=cold --clients K --danmaku-every MS (each viewer's danmaku cadence; 0: every tick)
// --client-nice N (the bulk client processes' nice value, default 10) --probe-viewers N (viewers in one more
// client process at nice 0, with the host agent: the receive stamps of an unloaded device; default 200).
import { fileURLToPath } from 'node:url';
import { runStress } from '../runner/stress/coordinator.ts';
import { parseFaults } from '../runner/stress/options.ts';
import { formatSummary } from '../runner/stress/summary.ts';
import type { BenchFlags } from './registry.ts';

const SCENARIO = fileURLToPath(new URL('../runner/stress/stress.yaml', import.meta.url));

export default async function stressBench(flags: BenchFlags): Promise<Record<string, unknown>> {
  const quick = flags.quick === true;
  const viewers = Number(flags.viewers ?? (quick ? 2000 : 10_000));
  const rampS = Number(flags.ramp ?? (quick ? 15 : 60));
  const durationS = Number(flags.duration ?? (quick ? 60 : rampS + 300));
  const rate = Number(flags.rate ?? (quick ? 100 : 500));
  const restartAtS = Math.round(rampS + (durationS - rampS) / 2);
  const fanoutTickMs = Number(flags['fanout-tick'] ?? 100);
  const danmakuEveryMs = Number(flags['danmaku-every'] ?? 1000);
  const clientNice = Number(flags['client-nice'] ?? 10);
  const probeViewers = Number(flags['probe-viewers'] ?? (quick ? 100 : 200));
  const r = await runStress({
    scenarioFile: SCENARIO,
    viewers,
    durationMs: durationS * 1000,
    rampMs: rampS * 1000,
    ...(flags.clients !== undefined ? { clients: Number(flags.clients) } : {}),
    commentsPerSecond: rate,
    // shopping a little faster than calibrated, so that enough orders are in flight around the restart
    shopSpeed: 3,
    buyBoost: 2,
    webrtcShare: 0.0004,
    faults: parseFaults(`restart@${restartAtS}s`, durationS * 1000),
    fanoutTickMs,
    danmakuEveryMs,
    clientNice,
    probeViewers,
    shaping: flags['no-shaping'] !== true,
    restartMode: flags.restart === 'cold' ? 'cold' : 'warm',
    graceMs: 20_000,
    log: (l) => process.stderr.write(`  ${l}\n`),
  });
  process.stderr.write(`${formatSummary(r)}\n`);
  const l = r.latency;
  return {
    config: { viewers, durationS, rampS, holdS: durationS - rampS, commentsPerSecond: rate, fanoutTickMs, danmakuEveryMs, clientNice, probeViewers: r.probeViewers, shaping: r.shaping, clients: r.clients, restartAtS, restartMode: r.server.restartMode },
    targets: r.targets,
    latencyMs: {
      connect: l.connect,
      fanoutEndToEnd: l['fanout.e2e'],
      fanoutWire: l['fanout.wire'],
      fanoutSenderToServerSend: l['fanout.server'],
      // the sender's uplink and the receiver's downlink shaping of each delivered item (end to end − wire)
      fanoutShaping: l['fanout.shaping'],
      // received in the hold after the ramp, away from the restart and its recovery (steadyWindows)
      fanoutEndToEndSteady: l['fanout.e2e.steady'],
      fanoutWireSteady: l['fanout.wire.steady'],
      probeFanoutWireSteady: l['probe.fanout.wire.steady'],
      probeFanoutEndToEndSteady: l['probe.fanout.e2e.steady'],
      probeServerFrameToReceiverSteady: l['probe.fanout.recv.steady'],
      // the steady wire time split where the server stamped the frame (a sampling group's frame is stamped
      // when built, for its first member: later members' wait in the sweep counts in the second part)
      fanoutSenderToServerFrameSteady: l['fanout.server.steady'],
      fanoutServerFrameToReceiverSteady: l['fanout.recv.steady'],
      promptEndToEndSteady: l['prompt.e2e.steady'],
      promptWireSteady: l['prompt.wire.steady'],
      targetingWireSteady: l['targeting.wire.steady'],
      promptEndToEnd: l['prompt.e2e'],
      promptWire: l['prompt.wire'],
      targetingEndToEnd: l['targeting.e2e'],
      targetingWire: l['targeting.wire'],
      pitch: l['pitch.e2e'],
      orderRoundTrip: l['order.rtt'],
      reconnect: l.reconnect,
    },
    commentsPerSecond: r.commentsPerSecond,
    cpuPerViewerSecond: r.cost,
    danmakuShown: r.danmaku,
    orders: r.orders,
    server: {
      cpuAvgPct: r.server.cpuAvgPct,
      cpuPeakPct: r.server.cpuPeakPct,
      rssPeakMiB: r.server.rssPeakBytes === null ? null : +(r.server.rssPeakBytes / 2 ** 20).toFixed(1),
      memPerConnectionKiB: r.server.memPerConnectionBytes === null ? null : +(r.server.memPerConnectionBytes / 1024).toFixed(2),
      peakConnections: r.server.peakConnections,
      hold: r.server.hold,
      eventLoopP99MaxMs: r.server.loopP99MaxMs,
      downtimeMs: r.server.downtimeMs,
      danmakuSkippedSlow: r.server.metrics['livelab_danmaku_skipped_total'] ?? 0,
      framesOut: Object.fromEntries(Object.entries(r.server.metrics).filter(([k]) => k.startsWith('livelab_frames_out_total'))),
    },
    clients: r.clientProcesses,
    host: r.host,
    counters: r.counters,
    faults: r.faultResults,
    machine: r.machine,
    wallS: Math.round(r.wallMs / 1000),
  };
}
