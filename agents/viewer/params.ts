// All of a viewer's behaviour parameters in one object, shared by every viewer of a run (one reference
// per context, not a copy). Each part's defaults live, with their sources, in the model's own module.
import { BOREDOM, type BoredomParams } from './models/boredom.ts';
import { CHAT, type ChatParams } from './models/chat-rates.ts';
import { CHOICE, type ChoiceParams } from './models/choice.ts';
import { DRIFT, type DriftParams } from './models/interest-drift.ts';
import { LEAVE_HAZARD, type LeaveHazardParams } from './models/leave-hazard.ts';
import { QOE_HAZARD, type QoeHazardParams } from './models/qoe-hazard.ts';
import { RETURNS, type ReturnParams } from './models/returns.ts';
import { STARTUP_ABANDON, type StartupAbandonParams } from './models/startup-abandonment.ts';

export interface ShoppingParams {
  /** mean gap between looks at the live offers (assumption) */
  readonly considerMeanMs: number;
  /** looks are this much more frequent for buzzMs after a pitch (assumption) */
  readonly pitchBoost: number;
  readonly pitchBuzzMs: number;
  /** how long a pitched product, a product card stay "live" for a viewer (assumption) */
  readonly offerTtlMs: number;
  readonly cardTtlMs: number;
  readonly maxOffers: number;
  readonly maxCart: number;
  /** dwell on a card before deciding: log-normal median impulseDwellMs × (deliberate/impulse)^decisionCycle */
  readonly impulseDwellMs: number;
  readonly deliberateDwellMs: number;
  /** cart → checkout wait, same shape */
  readonly impulseCheckoutMs: number;
  readonly deliberateCheckoutMs: number;
  /** probability of going from cart to checkout: impulse … deliberate (assumption) */
  readonly proceedImpulse: number;
  readonly proceedDeliberate: number;
  /** a checkout with no answer is retried with the same idempotency key after this (assumption) */
  readonly checkoutTimeoutMs: number;
  readonly checkoutRetries: number;
  /** probability to pay again after 'payment-failed' (a new attempt, a new key; assumption) */
  readonly retryAfterFailure: number;
  /** a targeted coupon is claimed with this probability × (0.5 + 0.5·min(2, priceSensitivity)/2) */
  readonly claimCoupon: number;
  /** social proof halves every this many ms */
  readonly socialHalfLifeMs: number;
  /** pause after paying or abandoning a cart */
  readonly cooldownMs: number;
}

export const SHOPPING: ShoppingParams = {
  considerMeanMs: 120_000,
  pitchBoost: 6,
  pitchBuzzMs: 30_000,
  offerTtlMs: 300_000,
  cardTtlMs: 120_000,
  maxOffers: 3,
  maxCart: 4,
  impulseDwellMs: 6000,
  deliberateDwellMs: 60_000,
  impulseCheckoutMs: 8000,
  deliberateCheckoutMs: 90_000,
  proceedImpulse: 0.9,
  proceedDeliberate: 0.55,
  checkoutTimeoutMs: 20_000,
  checkoutRetries: 2,
  retryAfterFailure: 0.5,
  claimCoupon: 0.8,
  socialHalfLifeMs: 60_000,
  cooldownMs: 3000,
};

export interface ViewerParams {
  readonly startup: StartupAbandonParams;
  readonly qoe: QoeHazardParams;
  readonly leave: LeaveHazardParams;
  readonly boredom: BoredomParams;
  readonly drift: DriftParams;
  readonly choice: ChoiceParams;
  readonly shopping: ShoppingParams;
  readonly chat: ChatParams;
  readonly returns: ReturnParams;
}

export const DEFAULT_VIEWER_PARAMS: ViewerParams = {
  startup: STARTUP_ABANDON,
  qoe: QOE_HAZARD,
  leave: LEAVE_HAZARD,
  boredom: BOREDOM,
  drift: DRIFT,
  choice: CHOICE,
  shopping: SHOPPING,
  chat: CHAT,
  returns: RETURNS,
};
