// Real-time segments and targeting: profiles from behaviour, interest segments that follow drift, a card
// or coupon pushed within one epoch of a segment move. Seed article: targeting pipeline < 1 s.
import { withTools, type Strategy } from './strategy.ts';

export const realtimeTargeting = {
  name: 'realtime-targeting',
  description: 'viewer profiles, drifting interest segments, targeted cards and coupons on a segment move',
  marketing: withTools(['cleaning', 'profiles', 'segments', 'targeting', 'propensity']),
} as const satisfies Strategy;
