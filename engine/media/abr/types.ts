// The contract every ABR rule implements. Rules are stateless singletons: what they remember lives in the
// player's numeric fields, so one rule object serves 100k viewers without a closure per viewer.
import type { Player } from '../player/state.ts';
import type { AbrRuleId } from './ids.ts';

export interface AbrRule {
  readonly id: AbrRuleId;
  readonly title: string;
  /**
   * The rung for segment p.nextSeg, decided at run time t with `levelMs` of buffer. A rule may instead set
   * p.abrDelayMs > 0 to postpone the request (BOLA does when the buffer is fuller than it wants).
   */
  choose(p: Player, t: number, levelMs: number): number;
  /** a segment finished arriving at t (throughput samples are already recorded) */
  onSegment(p: Player, t: number, levelMs: number): void;
  /** the buffer ran empty (dash.js BUFFER_EMPTY) */
  onStall(p: Player): void;
  /** the player seeked (to the live edge) */
  onSeek(p: Player): void;
}
