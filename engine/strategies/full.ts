// Every tool on with its default parameters: the engine as the seed article describes it.
import { withTools, TOOLS, type Strategy } from './strategy.ts';

export const full = {
  name: 'full',
  description: 'every marketing tool on with default parameters',
  marketing: withTools(TOOLS),
} as const satisfies Strategy;
