// Which product a viewer looks at, and whether they buy it: multinomial logit. RecSim's choice model
// scores an item by interests · features and offers a softmax over [s_1..s_n, no_click_mass] with
// no_click_mass = 1 (choice_model.py, CALIBRATION.md §3); here the score also carries price against the
// viewer's spending power and sensitivity, the discount, scarcity and social proof. Weights other
// than no_click_mass are our assumptions; their directions follow the sources named at each field.

export interface Offer {
  readonly sku: string;
  /** interest dimension, -1 unknown */
  readonly cat: number;
  /** live price (after a flash sale), CNY */
  readonly price: number;
  readonly listPrice: number;
  /** units left (Infinity when not told) */
  readonly stock: number;
  /** end of a flash-sale countdown (Infinity when none) */
  readonly endsAt: number;
  /** the viewer forgets the offer after this time */
  readonly until: number;
  /** what is left, when the sale opened, of the pull of its countdown (anticipation(); absent: 0) */
  readonly lift?: number;
}

export interface Shopper {
  readonly interests: Float32Array;
  readonly priceSensitivity: number;
  readonly priceExponent: number;
  readonly budgetMonthly: number;
  /** interest in deals (the 'deals' topic), in [-1, 1] */
  readonly deals: number;
}

export interface Situation {
  readonly now: number;
  /** what the viewer will still spend in this show, CNY */
  readonly budgetLeft: number;
  /** coupon amount off this offer (0 when none applies) */
  readonly couponOff: number;
  /** recent purchases of this SKU seen in chat (decayed) */
  readonly socialSeen: number;
  /** the viewer has an unanswered sizing/suitability question about this offer's category */
  readonly doubt: boolean;
  /** time watched so far (trust in the host grows with it) */
  readonly watchedMs: number;
  /** the offer goes with something already in the cart (engine/commerce/catalog/goes-with.ts); absent: false */
  readonly goesWith?: boolean;
}

export interface ChoiceParams {
  /** weight of interests · features, x in [-1, 1] (RecSim's score) */
  readonly interest: number;
  /** price disutility priceSensitivity·price·(p / ref)^exponent with ref = priceRefShare × monthly budget */
  readonly price: number;
  readonly priceRefShare: number;
  /** weight of the discount fraction, ×(1 + deals⁺) */
  readonly discount: number;
  /** Ding 2023 (direction only): with a price discount, quantity-limited scarcity beats time-limited,
   * so the stock term weighs more than the countdown term */
  readonly quantityScarcity: number;
  readonly scarceBelow: number;
  readonly timeScarcity: number;
  readonly urgentMs: number;
  /** social proof: weight of ln(1 + purchases seen) */
  readonly social: number;
  /** an open sizing or suitability doubt */
  readonly doubt: number;
  /** trust built by watching: + trust·min(1, watched / trustMs). Kuaishou (Moment&Cross, LiveForesighter,
   * CALIBRATION.md §2): valuable actions such as purchases usually need > 10 min of watching */
  readonly trust: number;
  readonly trustMs: number;
  /** a flash sale counted down to the viewer pulls when it opens: anticipation · 2^(−wait / halfLife),
   * wait = how long they waited for it. Direction: desire peaks when the reward is near and cools with
   * delay (Hoch & Loewenstein 1991, time-inconsistent preferences; impulse urges are short-lived, Rook
   * 1987), so a long countdown spends the urge the announcement raised. Size and half-life are ours:
   * the pull equals the full quantity-scarcity term, and a minute halves it */
  readonly anticipation: number;
  readonly anticipationHalfLifeMs: number;
  /** an offer that goes with an item in the cart (completes the outfit) is worth this much more.
   * Direction: cross-category complementarity in a shopping basket (Manchanda, Ansari & Gupta 1999);
   * size ours: half the weight of a full interest match */
  readonly complement: number;
  /** RecSim's no_click_mass = 1: the utility of looking at nothing */
  readonly none: number;
  /** buy when a logistic draw beats this utility (binary logit: buy vs not) */
  readonly buyThreshold: number;
  /** share of the monthly budget a viewer will spend in one show */
  readonly showBudgetShare: number;
}

export const CHOICE: ChoiceParams = {
  interest: 2,
  price: 1,
  priceRefShare: 0.05,
  discount: 2.5,
  quantityScarcity: 0.8,
  scarceBelow: 50,
  timeScarcity: 0.5,
  urgentMs: 120_000,
  social: 0.3,
  anticipation: 0.8,
  anticipationHalfLifeMs: 60_000,
  complement: 1,
  doubt: 0.8,
  trust: 4,
  trustMs: 600_000,
  none: 1,
  buyThreshold: 6,
  showBudgetShare: 0.3,
};

/** the price the viewer would pay for the offer */
export function effectivePrice(o: Offer, s: Situation): number {
  return Math.max(0, o.price - s.couponOff);
}

/** utility of buying `o`; -Infinity when unaffordable or gone */
export function utility(v: Shopper, o: Offer, s: Situation, p: ChoiceParams = CHOICE): number {
  const price = effectivePrice(o, s);
  if (price > s.budgetLeft || s.now >= o.until || s.now >= o.endsAt || o.stock <= 0) return -Infinity;
  const x = o.cat >= 0 ? v.interests[o.cat]! : 0;
  const ref = Math.max(1, p.priceRefShare * v.budgetMonthly);
  const list = Math.max(o.listPrice, o.price);
  const discount = list > 0 ? 1 - price / list : 0;
  return (
    p.interest * x -
    p.price * v.priceSensitivity * Math.pow(price / ref, v.priceExponent) +
    p.discount * discount * (1 + Math.max(0, v.deals)) +
    hype(o, s, p) +
    (s.goesWith === true ? p.complement : 0) -
    (s.doubt ? p.doubt : 0)
  );
}

/** utility of paying for it: curiosity is not trust, so only the purchase gains from time watched */
export function buyUtility(v: Shopper, o: Offer, s: Situation, p: ChoiceParams = CHOICE): number {
  return utility(v, o, s, p) + p.trust * Math.min(1, s.watchedMs / p.trustMs);
}

/** the part of the utility from scarcity, social proof and a countdown's pull: what makes a purchase impulsive */
export function hype(o: Offer, s: Situation, p: ChoiceParams = CHOICE): number {
  const stock = Number.isFinite(o.stock) ? p.quantityScarcity * Math.max(0, 1 - o.stock / p.scarceBelow) : 0;
  const time = Number.isFinite(o.endsAt) ? p.timeScarcity * Math.max(0, 1 - (o.endsAt - s.now) / p.urgentMs) : 0;
  return stock + time + p.social * Math.log1p(Math.max(0, s.socialSeen)) + (o.lift ?? 0);
}

/** the pull of a counted-down sale when it opens, after the viewer waited `waitMs` for it */
export function anticipation(waitMs: number, p: ChoiceParams = CHOICE): number {
  return p.anticipation * Math.pow(2, -Math.max(0, waitMs) / p.anticipationHalfLifeMs);
}

/** MNL over the offers and "none": the chosen offer's index, or -1 for none; u uniform in [0, 1) */
export function chooseIndex(utilities: readonly number[], u: number, p: ChoiceParams = CHOICE): number {
  let max = p.none;
  for (const x of utilities) if (x > max) max = x;
  let total = Math.exp(p.none - max);
  for (const x of utilities) total += x === -Infinity ? 0 : Math.exp(x - max);
  let acc = u * total;
  for (let i = 0; i < utilities.length; i++) {
    const x = utilities[i]!;
    if (x === -Infinity) continue;
    acc -= Math.exp(x - max);
    if (acc < 0) return i;
  }
  return -1;
}

/** probability that a viewer who opened the card buys: logistic in (utility − threshold) */
export function buyProbability(util: number, p: ChoiceParams = CHOICE): number {
  return util === -Infinity ? 0 : 1 / (1 + Math.exp(-(util - p.buyThreshold)));
}
