// Baseline: none of the tools. The host follows the fixed script, segments are static (nobody is
// re-targeted), every flash sale has the same countdown, nobody reads the comments for the host.
import { withTools, type Strategy } from './strategy.ts';

export const baseline = {
  name: 'baseline',
  description: 'no marketing tools: fixed script, static segments, fixed countdowns',
  marketing: withTools([]),
} as const satisfies Strategy;
