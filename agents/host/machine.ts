// The host statechart: follows the show timeline (segments, pitches, flash sales, Q&A blocks) and, in
// parallel, acts on the marketing engine's prompts after a human reaction delay with a compliance
// probability, then talks about the question for a while (answering) before taking up the next one.
// Same fast-path subset as the viewer: named actions, guards and delays only.
import { assign, emit, enqueueActions, setup } from 'xstate';
import { logNormal } from '../../engine/kernel/index.ts';
import { hostUpForCue, type HostDown, type HostUp } from '../../engine/protocol.ts';
import { createHostContext, type HostContext, type HostInput } from './context.ts';

const now = (c: HostContext) => c.clock.now();
const inQa = (c: HostContext) => now(c) < c.qaUntil;

export const hostMachine = setup({
  types: { context: {} as HostContext, events: {} as HostDown, input: {} as HostInput, emitted: {} as HostUp },
  actions: {
    performCue: enqueueActions(({ context: c, enqueue }) => {
      const cue = c.timeline.events[c.cue]!;
      const msg = hostUpForCue(cue);
      if (msg !== null) enqueue.emit(msg);
      enqueue.assign({
        cue: c.cue + 1,
        ...(cue.kind === 'segment' ? { onStage: cue.sku } : {}),
        ...(cue.kind === 'qa' ? { qaUntil: now(c) + cue.durationMs } : {}),
      });
    }),
    enqueuePrompt: assign(({ context: c, event }) =>
      c.queue.length >= c.p.maxQueue ? { dropped: c.dropped + 1 } : { queue: [...c.queue, event] },
    ),
    answerHead: enqueueActions(({ context: c, enqueue }) => {
      const prompt = c.queue[0]!;
      enqueue.emit({ type: 'host.answer', promptId: prompt.promptId, intent: prompt.intent, ...(prompt.sku === undefined ? {} : { sku: prompt.sku }) });
      enqueue.assign({ queue: c.queue.slice(1), answered: c.answered + 1 });
    }),
    ignoreHead: assign(({ context: c }) => ({ queue: c.queue.slice(1), ignored: c.ignored + 1 })),
  },
  guards: {
    hasCue: ({ context: c }) => c.cue < c.timeline.events.length,
    complies: ({ context: c }) => c.rng.next() < (inQa(c) ? c.p.qaCompliance : c.p.compliance),
    queueNotEmpty: ({ context: c }) => c.queue.length > 0,
  },
  delays: {
    // the next cue, or the end of the show once every cue is done
    nextCue: ({ context: c }) => {
      const at = c.cue < c.timeline.events.length ? c.timeline.events[c.cue]!.at : c.timeline.durationMs;
      return Math.max(0, c.startAt + at - now(c));
    },
    reaction: ({ context: c }) => logNormal(c.rng, c.p.reactionMedianMs, c.p.reactionSigma) / (inQa(c) ? c.p.qaSpeedup : 1),
    // talking about the question takes as long in a Q&A block as outside it
    answerTime: ({ context: c }) => logNormal(c.rng, c.p.answerMedianMs, c.p.answerSigma),
  },
}).createMachine({
  id: 'host',
  context: ({ input }) => createHostContext(input),
  initial: 'live',
  states: {
    live: {
      type: 'parallel',
      states: {
        show: {
          initial: 'onAir',
          states: {
            onAir: {
              after: { nextCue: [{ guard: 'hasCue', target: 'onAir', reenter: true, actions: 'performCue' }, { target: '#host.done' }] },
            },
          },
        },
        prompts: {
          initial: 'listening',
          on: { 'host.prompt': { actions: 'enqueuePrompt' } },
          states: {
            listening: { on: { 'host.prompt': { target: 'reacting', actions: 'enqueuePrompt' } } },
            reacting: {
              after: {
                reaction: [
                  { guard: 'complies', target: 'answering', actions: 'answerHead' },
                  { target: 'next', actions: 'ignoreHead' },
                ],
              },
            },
            // the host talks about the question; prompts arriving meanwhile wait in the queue
            answering: { after: { answerTime: 'next' } },
            // one prompt handled: the next one, if any, gets its own reaction delay
            next: { after: { 0: [{ guard: 'queueNotEmpty', target: 'reacting' }, { target: 'listening' }] } },
          },
        },
      },
    },
    done: { type: 'final' },
  },
});

export type HostMachine = typeof hostMachine;
