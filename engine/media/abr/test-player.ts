// Test helper: a player whose ABR inputs (buffer, throughput history, rung) a test sets by hand.
import { RngStreams } from '../../kernel/index.ts';
import { Link } from '../../net/index.ts';
import { FAST_4G } from '../../../network-profiles/index.ts';
import { resolvePlayerConfig, type PlayerConfig } from '../config.ts';
import { PlayerStore, newPlayer, type Player } from '../player/state.ts';
import { addThroughputSample } from './throughput.ts';

export function testPlayer(cfg: Partial<PlayerConfig> = {}, opts: { throughputKbps?: number; q?: number; segments?: number } = {}): Player {
  const c = resolvePlayerConfig(cfg);
  const s = new RngStreams(1);
  const p = newPlayer(new PlayerStore(c, 1), new Link(FAST_4G.trace, s.stream(0, 'net')), s.stream(0, 'media'), 0, 0);
  if (opts.throughputKbps !== undefined) for (let i = 0; i < 40; i++) addThroughputSample(p, opts.throughputKbps, 1000);
  if (opts.q !== undefined) p.q = opts.q;
  p.segments = opts.segments ?? 10;
  return p;
}
