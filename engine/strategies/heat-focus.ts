// SKU-heat focus: the host spends time on the SKU the room is talking about, dwelling on and carting,
// and a viewer who carts an item gets the card of the hottest SKU that goes with it (heat/pairing.ts).
// Seed article's apparel-room case: cross-sell +25 % (industry claim).
import { withTools, type Strategy } from './strategy.ts';

export const heatFocus = {
  name: 'heat-focus',
  description: 'SKU heat ranking from mentions, dwell and add-to-cart tells the host where to spend time',
  marketing: withTools(['cleaning', 'heat']),
} as const satisfies Strategy;
