// A new viewer's player: it fetches the manifest and the init segment over its link, then starts at the
// live edge minus the target latency as of the manifest (dash.js starts live playback there).
import type { Rng } from '../../kernel/index.ts';
import { transferFinishTime, type Link } from '../../net/index.ts';
import { newPlayer, type Player, type PlayerStore } from './state.ts';
import { computeNext } from './next.ts';

export interface PlayerStart {
  viewer: number;
  joinMs: number;
}

/** A new viewer's player, as a row of `store` (whose config it plays with). */
export function createPlayer(store: PlayerStore, link: Link, rng: Rng, start: PlayerStart): Player {
  const cfg = store.cfg;
  const p = newPlayer(store, link, rng, start.viewer, start.joinMs);
  const manifest = transferFinishTime(link, start.joinMs, cfg.manifestBytes, cfg.requestBytes);
  const init = manifest === Infinity ? Infinity : transferFinishTime(link, manifest, cfg.initBytes, cfg.requestBytes);
  p.pos = Math.max(0, manifest - cfg.targetLatencyMs);
  if (p.pos === Infinity) p.pos = start.joinMs;
  p.nextSeg = p.firstSeg = Math.floor(p.pos / cfg.segmentMs);
  p.bufEnd = p.nextSeg * cfg.segmentMs;
  p.holdUntil = init;
  computeNext(p);
  return p;
}
