// windowRun (window.ts) for the default rules without a call per segment: under the throughput rule, or
// dash.js's dynamic rule while it is on throughput (useBola 0: a window's buffer stays under
// bufferTimeDefault, where dynamic never hands over to BOLA), what landed() replays as each segment lands
// (the throughput sample, BOLA's onSegment bookkeeping, the rule's choice) is a few lines of arithmetic,
// done here on local numbers. Un-inlined calls with double arguments box every argument, and this runs once
// per segment of most viewers. The same numbers as windowRun, operation for operation; window.test.ts checks
// the two give identical players.
import { chunkedRunSegment } from '../../net/index.ts';
import { bolaMaxLevelS, PLACEHOLDER_BUFFER_DECAY } from '../abr/bola.ts';
import { DYNAMIC_RULE } from '../abr/dynamic.ts';
import { BANDWIDTH_SAFETY_FACTOR, EWMA_WEIGHT_PER_MS, LN2_24 } from '../abr/throughput.ts';
import { THROUGHPUT_RULE } from '../abr/throughput-rule.ts';
import { partsBase, segBusyBase, type Player } from './state.ts';
import { late, levelFloor } from './window.ts';

/** Whether windowRunFast may stand in for windowRun: a rule whose replay it does inline. */
export function fastWindowRule(p: Player): boolean {
  const rule = p.rule;
  return rule === THROUGHPUT_RULE || (rule === DYNAMIC_RULE && p.useBola === 0);
}

/** windowRun (same contract, same result) for a player that fastWindowRule accepts. */
export function windowRunFast(p: Player, t: number, q: number, cap: number): number {
  const cfg = p.cfg;
  const f = p.f;
  const pps = cfg.partsPerSegment;
  const P = cfg.partMs;
  const S = cfg.segmentMs;
  const at = partsBase(p);
  const land = at + pps;
  const k = p.dlSeg;
  const lag = p.dlLag;
  const floor = levelFloor(cfg);
  if (late(f, at, pps, k * S, P, lag, floor)) return 0;
  const link = p.link;
  p.succ = 0;
  const ladder = cfg.ladder;
  const rungs = ladder.length;
  const stallMs = cfg.stallThresholdMs;
  const bufferMs = cfg.bufferTimeDefaultMs;
  // dynamic's onSegment is BOLA's (its placeholder only with more than one rung); the throughput rule's is empty
  const bola = p.rule === DYNAMIC_RULE;
  const maxLevelS = bola && rungs > 1 ? bolaMaxLevelS(cfg, q) : 0;
  const bits = 8 * p.dlBytes;
  // the estimator and BOLA state after segments 0 … n − 2 landed
  let fast = p.tpFast, slow = p.tpSlow, fastDecay = p.tpFastDecay, slowDecay = p.tpSlowDecay;
  let placeholder = p.bolaPlaceholderS, bolaLast = p.bolaLastMs;
  // segment n − 1: its landing, busy time, and request time (the landing before it)
  let a = f[at + pps - 1]!;
  let busy = f[segBusyBase(p)]!;
  let reqMs = t;
  f[land] = a;
  let n = 1;
  while (n < cap) {
    // landed(n − 1): the throughput sample (abr/throughput.ts addThroughputSample)
    let nFast = fast, nSlow = slow, nFastDecay = fastDecay, nSlowDecay = slowDecay;
    if (busy > 0) {
      const kbps = bits / busy;
      if (kbps > 0 && kbps !== Infinity) {
        const e = Math.exp(-(EWMA_WEIGHT_PER_MS * busy) * LN2_24);
        const e2 = e * e;
        const as = e2 * e;
        const e4 = e2 * e2;
        const af = e4 * e4;
        nFast = af * fast + (1 - af) * kbps;
        nSlow = as * slow + (1 - as) * kbps;
        nFastDecay = fastDecay * af;
        nSlowDecay = slowDecay * as;
      }
    }
    const level = (k + n) * S - (a + lag);
    // BOLA's onSegment (abr/bola.ts)
    let nPlaceholder = placeholder;
    if (bola && rungs > 1) {
      nPlaceholder *= PLACEHOLDER_BUFFER_DECAY;
      const atRequestS = level / 1000 + (a - reqMs) / 1000;
      nPlaceholder = Math.min(nPlaceholder, Math.max(0, maxLevelS - atRequestS));
    }
    if (!(level > stallMs && level < bufferMs)) break;
    // the throughput rule's choice (abr/throughput-rule.ts, throughput.ts): the highest rung the safe
    // estimate affords, the current rung before any sample
    if (nFastDecay !== 1) {
      const ef = nFast / (1 - nFastDecay);
      const es = nSlow / (1 - nSlowDecay);
      const tp = (ef < es ? ef : es) * BANDWIDTH_SAFETY_FACTOR;
      if (tp === tp) {
        let r = 0;
        for (let i = 1; i < rungs; i++) if (ladder[i]! <= tp) r = i;
        if (r !== q) break;
      }
    }
    // segment n, asked for as segment n − 1 lands
    chunkedRunSegment(link, pps, f, at - link.runPart);
    // late() inline (its double arguments would be boxed on every call)
    const m0 = (k + n) * S;
    let isLate = false;
    for (let j = 0; j < pps; j++) if (m0 + j * P - (f[at + j]! + lag) <= floor) isLate = true;
    if (isLate) {
      p.succ = 1;
      p.succBusyMs = link.busyMs;
      break;
    }
    fast = nFast;
    slow = nSlow;
    fastDecay = nFastDecay;
    slowDecay = nSlowDecay;
    placeholder = nPlaceholder;
    if (bola) bolaLast = a;
    reqMs = a;
    a = f[at + pps - 1]!;
    busy = link.busyMs;
    f[land + n] = a;
    n++;
  }
  // as windowRun leaves it: the replay of all segments but the last kept for complete()
  p.runTpFast = fast;
  p.runTpSlow = slow;
  p.runTpFastDecay = fastDecay;
  p.runTpSlowDecay = slowDecay;
  p.runPlaceholderS = placeholder;
  p.runBolaLastMs = bolaLast;
  p.runBolaSteady = p.bolaSteady;
  p.runUseBola = p.useBola;
  p.runReplayed = 1;
  p.dlBusyMs = busy;
  p.win = 1;
  return n;
}
