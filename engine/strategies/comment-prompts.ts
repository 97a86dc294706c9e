// Comment analysis only: cleaned danmaku are classified and clustered into host prompts
// ("several viewers ask whether it suits sensitive skin: address it"). Seed article: prompt latency < 200 ms.
import { withTools, type Strategy } from './strategy.ts';

export const commentPrompts = {
  name: 'comment-prompts',
  description: 'danmaku cleaning, intent clustering and host prompts',
  marketing: withTools(['cleaning', 'prompts']),
} as const satisfies Strategy;
