// How the host reacts to the marketing engine's prompts. CALIBRATION.md has no figure for a live host;
// both numbers are assumptions: a host finishes the sentence, reads the prompt and picks it up after a
// few seconds, and follows most prompts but not all (some are off-topic or come at a bad moment).
export interface HostParams {
  /** reaction delay, log-normal: median and log-space spread */
  readonly reactionMedianMs: number;
  readonly reactionSigma: number;
  /** probability of acting on a prompt; during a Q&A block the host is there to answer */
  readonly compliance: number;
  readonly qaCompliance: number;
  /** reactions are this much faster during Q&A */
  readonly qaSpeedup: number;
  /** prompts waiting beyond this are dropped (the host cannot keep up) */
  readonly maxQueue: number;
  /** how long the host talks about a question it picked up, log-normal: median and log-space spread.
   * Prompts that arrive meanwhile wait in the queue. Assumption (CALIBRATION.md has no figure for it):
   * a spoken answer of a few sentences, ~40 words at ~150 words/min, is about 15 s; some are a quick
   * "yes, it suits sensitive skin", some a demonstration, hence the spread */
  readonly answerMedianMs: number;
  readonly answerSigma: number;
}

export const DEFAULT_HOST_PARAMS: HostParams = {
  reactionMedianMs: 4000,
  reactionSigma: 0.5,
  compliance: 0.7,
  qaCompliance: 0.95,
  qaSpeedup: 2,
  maxQueue: 3,
  answerMedianMs: 15_000,
  answerSigma: 0.5,
};
