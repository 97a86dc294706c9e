// The statechart features the fast path does not run. A machine that uses one is refused with every
// problem listed (state path and feature), or, if the caller asks, handed to XState's own actors.
export interface UnsupportedFeature {
  state: string;
  feature: string;
}

export class UnsupportedStatechartError extends Error {
  constructor(
    readonly machineId: string,
    readonly features: readonly UnsupportedFeature[],
  ) {
    super(
      `statechart '${machineId}' uses features outside the fast-path subset:\n` +
        features.map((f) => `  - ${f.state}: ${f.feature}`).join('\n') +
        `\nSupported: atomic/compound/parallel/final states, 'on' with exact event types, 'after' (numeric or named ` +
        `delays), guards (named or inline functions), assign, raise (immediate or delayed), cancel, emit, ` +
        `enqueueActions, custom actions. Use { fallback: 'xstate' } to run this machine on XState actors instead.`,
    );
    this.name = 'UnsupportedStatechartError';
  }
}
