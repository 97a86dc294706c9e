// What a comment is about: a weighted choice among the protocol's intents that depends on the persona
// and on what is happening (a dress on stage draws sizing questions, a serum "敏感肌能用吗", a stall
// draws complaints). The weights are assumptions; KuaiLive (CALIBRATION.md §2) gives only the rate of
// comments, not their mix.
import { COMMENT_INTENTS, type CommentIntent } from '../../../../engine/protocol.ts';
import type { Family } from '../../../personas/index.ts';

export interface ChatSituation {
  readonly family: Family | 'other';
  /** playback is stalled, blurry or far behind live */
  readonly troubled: boolean;
  readonly flashSale: boolean;
  /** the price on stage is high for this viewer */
  readonly priceHigh: boolean;
  /** interest match of what is on stage, in [0, 1] */
  readonly match: number;
  readonly spammer: boolean;
}

const BASE: Readonly<Record<CommentIntent, number>> = {
  sizing: 0.04,
  suitability: 0.04,
  price: 0.1,
  shipping: 0.07,
  authenticity: 0.05,
  praise: 0.22,
  complaint: 0.04,
  spam: 0.002,
  other: 0.43,
};

/** weights in COMMENT_INTENTS order, written into `out` (no allocation on the hot path) */
export function intentWeights(s: ChatSituation, out = new Float64Array(COMMENT_INTENTS.length)): Float64Array {
  COMMENT_INTENTS.forEach((intent, i) => {
    let w = BASE[intent];
    if (intent === 'sizing' && s.family === 'apparel') w *= 6;
    if (intent === 'suitability' && (s.family === 'beauty' || s.family === 'food')) w *= s.family === 'beauty' ? 6 : 2;
    if (intent === 'authenticity' && s.family === 'beauty') w *= 2;
    if (intent === 'shipping' && s.family === 'food') w *= 2;
    if (intent === 'complaint' && s.troubled) w *= 10;
    if (intent === 'price' && (s.flashSale || s.priceHigh)) w *= 2;
    if (intent === 'praise') w *= 0.5 + 2 * s.match;
    if (intent === 'spam' && s.spammer) w = 50;
    out[i] = w;
  });
  return out;
}

/** intents that ask the host something: the viewer then waits for an answer */
export function isQuestion(intent: CommentIntent): boolean {
  return intent === 'sizing' || intent === 'suitability' || intent === 'price' || intent === 'shipping' || intent === 'authenticity';
}
