// How often a viewer comments, likes and sends gifts. KuaiLive (Qu et al., arXiv 2508.05633,
// CALIBRATION.md §2) counts per room entry 0.040 comments, 0.0365 likes and 0.0148 gifts, biased upward
// (its users were chosen for having all four behaviours). The per-minute rates are fitted so that the
// default audience lands at about three quarters of KuaiLive (agents/calibration checks the band); the
// gift share of "cheers" (likes and gifts) is KuaiLive's ratio. Rates scale with the persona's
// chattiness and are boosted for a while after a pitch or flash sale.

export interface ChatParams {
  /** comments per minute of a median-chattiness viewer when nothing happens (fitted) */
  readonly commentsPerMinute: number;
  /** likes + gifts per minute of a median viewer (fitted) */
  readonly cheersPerMinute: number;
  /** KuaiLive: gifts / (likes + gifts) = 0.0148 / (0.0365 + 0.0148) */
  readonly giftShare: number;
  /** gift value, CNY, log-normal (assumption) */
  readonly giftMedianCny: number;
  readonly giftSigma: number;
  /** rate × buzzFactor for buzzMs after a pitch or a flash sale starts (assumption) */
  readonly buzzFactor: number;
  readonly buzzMs: number;
  /** comment rate × troubleFactor while stalled (complaints; assumption) */
  readonly troubleFactor: number;
  /** a cheer of a non-follower who likes what is on stage (match > 0.6) becomes a follow (assumption) */
  readonly followShare: number;
}

export const CHAT: ChatParams = {
  commentsPerMinute: 0.0008,
  cheersPerMinute: 0.0019,
  giftShare: 0.0148 / (0.0365 + 0.0148),
  giftMedianCny: 10,
  giftSigma: 1,
  buzzFactor: 3,
  buzzMs: 90_000,
  troubleFactor: 3,
  followShare: 0.05,
};
