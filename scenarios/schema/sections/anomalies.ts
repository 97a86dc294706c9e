// `anomalies`: ground truth injected into the run, which the funnel alerts are scored against
// (precision, recall, time to detect): an ad-buy burst that bounces, a payment outage, a bad pitch.
import { z } from 'zod';
import { name, num, positive, share, timePoint } from '../primitives.ts';

const BounceBurst = z
  .strictObject({
    type: z.literal('bounce-burst').describe('paid traffic that arrives and leaves at once'),
    at: timePoint().describe('start, from the show start'),
    durationSeconds: positive().default(120).describe('how long the extra arrivals keep coming'),
    share: num({ gt: 0, max: 1 }).default(0.05).describe('extra arrivals as a share of audience.size'),
    bounceSeconds: positive().default(20).describe('median time before such a viewer leaves (under the funnel’s bounce threshold)'),
  })
  .describe('bounce-burst: a burst of arrivals leaving within seconds (an ad buy that bounces)');

const PaymentOutage = z
  .strictObject({
    type: z.literal('payment-outage').describe('checkouts fail'),
    at: timePoint().describe('start, from the show start'),
    durationSeconds: positive().default(300).describe('how long payments fail'),
    failureRate: num({ gt: 0, max: 1 }).default(1).describe('share of checkouts that fail meanwhile'),
  })
  .describe('payment-outage: checkouts fail for a while');

const BadPitch = z
  .strictObject({
    type: z.literal('bad-pitch').describe('a pitch that puts viewers off'),
    at: timePoint().describe('start, from the show start'),
    durationSeconds: positive().default(180).describe('how long the pitch lasts'),
    sku: name().optional().describe("the SKU pitched; absent: the one on stage"),
    appeal: share().default(0.3).describe('multiplier of add-to-cart intent during the pitch (0.3 = 70 % fewer carts)'),
  })
  .describe('bad-pitch: a pitch that collapses add-to-cart');

export const AnomalySchema = z.discriminatedUnion('type', [BounceBurst, PaymentOutage, BadPitch], { error: "one of 'bounce-burst', 'payment-outage', 'bad-pitch'" });
export const AnomaliesSchema = z.array(AnomalySchema, { error: 'a list of anomalies' });
export type Anomaly = z.output<typeof AnomalySchema>;
