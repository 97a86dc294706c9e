// Propensity-ordered pitches: the next pitches fit the spending mix of the room (platform spending tags
// and what viewers look at, cart and buy), not pitching high to low spenders nor low to high. Seed article's beauty-room case: AOV +35 %, returns −20 % (industry claim).
import { withTools, type Strategy } from './strategy.ts';

export const propensityPitch = {
  name: 'propensity-pitch',
  description: 'pitch order from the spending-propensity mix of the audience',
  marketing: withTools(['profiles', 'propensity']),
} as const satisfies Strategy;
