// Boredom as KuaiSim's "temper" (KREnvironment_WholeSession_GPU.py, CALIBRATION.md §3): temper starts at
// 10, each step adds clip(boost − 2, −2, 0) where boost is the positive feedback of that step, and the
// user leaves when temper < 1. A live show has no discrete recommendation steps, so a step is a span of
// watching (stepMs, our assumption) and temper falls continuously at that rate; the leave time is then
// known in advance and re-planned only when the boost changes (a new segment, a host answer).

export interface BoredomParams {
  /** KuaiSim: temper₀ = 10 */
  readonly initial: number;
  /** KuaiSim: leave when temper < 1 */
  readonly leaveBelow: number;
  /** KuaiSim: a step's boost above 2 stops the fall, the fall is at most 2 per step */
  readonly neutralBoost: number;
  readonly maxDrop: number;
  /** watching time that counts as one KuaiSim step (assumption) */
  readonly stepMs: number;
  /** boost from the interest match of what is on stage, match in [0, 1] (assumption) */
  readonly matchWeight: number;
  /** extra boost of followers, of each host answer to the viewer (≤ 2), of a liking for entertainment */
  readonly followerBoost: number;
  readonly hostAnswerBoost: number;
  readonly entertainmentBoost: number;
  /** extra boost while the viewer waits for a flash sale they heard counted down: a deal announced for
   * in a minute is a reason to stay (the "stay for the deal" use of countdowns in live rooms; a design
   * assumption of ours: one point, half the neutral level, so a bored viewer's temper stops falling
   * only if the stage also interests them a little) */
  readonly awaitBoost: number;
}

export const BOREDOM: BoredomParams = {
  initial: 10,
  leaveBelow: 1,
  neutralBoost: 2,
  maxDrop: 2,
  stepMs: 60_000,
  matchWeight: 3,
  followerBoost: 0.5,
  hostAnswerBoost: 0.5,
  entertainmentBoost: 0.5,
  awaitBoost: 1,
};

export function boost(match: number, follower: boolean, hostAnswers: number, entertainment: number, p: BoredomParams = BOREDOM): number {
  return (
    p.matchWeight * match +
    (follower ? p.followerBoost : 0) +
    p.hostAnswerBoost * Math.min(2, hostAnswers) +
    p.entertainmentBoost * Math.max(0, entertainment)
  );
}

/** temper change per ms of watching (≤ 0) */
export function temperRate(b: number, p: BoredomParams = BOREDOM): number {
  const perStep = Math.min(0, Math.max(-p.maxDrop, b - p.neutralBoost));
  return perStep / p.stepMs;
}

/** ms until temper falls below the leave level at this rate (+∞ if it does not fall) */
export function boredomDelayMs(temper: number, rate: number, p: BoredomParams = BOREDOM): number {
  if (temper < p.leaveBelow) return 0;
  return rate < 0 ? (temper - p.leaveBelow) / -rate : Infinity;
}
