import { describe, expect, it } from 'vitest';
import { createActor, type AnyStateMachine } from 'xstate';
import { RngStreams, VirtualClock, tryCompileMachine } from '../../engine/kernel/index.ts';
import type { HostDown, HostUp } from '../../engine/protocol.ts';
import { hostMachine } from './machine.ts';
import { simpleTimeline, type HostTimeline } from './timeline.ts';

function run(machine: AnyStateMachine, timeline: HostTimeline, prompts: { at: number; prompt: HostDown }[], until: number, seed = 1) {
  const clock = new VirtualClock();
  const actor = createActor(machine, { clock, input: { timeline, rng: new RngStreams(seed), clock } });
  const out: { t: number; msg: HostUp }[] = [];
  actor.on('*', (msg: HostUp) => void out.push({ t: clock.now(), msg }));
  actor.start();
  for (const p of prompts) clock.setTimeout(() => actor.getSnapshot().status === 'active' && actor.send(p.prompt), p.at);
  clock.advanceTo(until);
  return { out, snapshot: actor.getSnapshot() };
}

const prompt = (id: string, intent: HostDown['intent'] = 'suitability'): HostDown => ({
  type: 'host.prompt', promptId: id, intent, sku: 'sku-1', text: '很多人问敏感肌能不能用', viewers: 12, firstCommentAt: 0,
});
const twoSkus = simpleTimeline([{ sku: 'sku-1', category: 'beauty' }, { sku: 'sku-2', category: 'food' }], 60_000, 30_000);

describe('host machine', () => {
  it('follows the show timeline, then goes off air', () => {
    const { out, snapshot } = run(hostMachine, twoSkus, [], 200_000);
    expect(out.map((e) => [e.t, e.msg.type, 'sku' in e.msg ? e.msg.sku : ''])).toEqual([
      [0, 'host.segment', 'sku-1'], [0, 'host.pitch', 'sku-1'], [30_000, 'host.pitch', 'sku-1'],
      [60_000, 'host.segment', 'sku-2'], [60_000, 'host.pitch', 'sku-2'], [90_000, 'host.pitch', 'sku-2'],
    ]);
    expect(snapshot.status).toBe('done');
  });

  it('starts flash sales and opens Q&A blocks on cue, and answers faster during Q&A', () => {
    const timeline: HostTimeline = {
      durationMs: 100_000,
      events: [{ at: 10_000, kind: 'flashsale', sku: 'sku-1', price: 9.9, stock: 50, durationMs: 60_000 }, { at: 20_000, kind: 'qa', durationMs: 60_000 }],
    };
    const { out } = run(hostMachine, timeline, [], 100_000);
    expect(out).toEqual([{ t: 10_000, msg: { type: 'host.flashsale', sku: 'sku-1', price: 9.9, stock: 50, durationMs: 60_000 } }]);
    const m = hostMachine.provide({ delays: { reaction: ({ context }) => (context.clock.now() < context.qaUntil ? 1000 : 5000) } });
    const answered = run(m, timeline, [{ at: 30_000, prompt: prompt('p1') }], 100_000).out.filter((e) => e.msg.type === 'host.answer');
    expect(answered.map((e) => e.t)).toEqual([31_000]);
  });

  it('acts on a prompt after its reaction delay when it complies, not otherwise', () => {
    const yes = hostMachine.provide({ delays: { reaction: 2500 }, guards: { complies: () => true } });
    const no = hostMachine.provide({ delays: { reaction: 2500 }, guards: { complies: () => false } });
    const r = run(yes, twoSkus, [{ at: 5000, prompt: prompt('p1') }], 120_000);
    expect(r.out.filter((e) => e.msg.type === 'host.answer')).toEqual([{ t: 7500, msg: { type: 'host.answer', promptId: 'p1', intent: 'suitability', sku: 'sku-1' } }]);
    const n = run(no, twoSkus, [{ at: 5000, prompt: prompt('p1') }], 120_000);
    expect(n.out.some((e) => e.msg.type === 'host.answer')).toBe(false);
    expect((n.snapshot.context as { ignored: number }).ignored).toBe(1);
  });

  it('works through a burst of prompts one by one and drops what it cannot keep up with', () => {
    const m = hostMachine.provide({ delays: { reaction: 1000, answerTime: 0 }, guards: { complies: () => true } });
    const burst = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ at: 5000, prompt: prompt(id, 'price') }));
    const r = run(m, twoSkus, burst, 120_000);
    const answers = r.out.filter((e) => e.msg.type === 'host.answer');
    expect(answers.map((e) => [e.t, (e.msg as { promptId: string }).promptId])).toEqual([[6000, 'a'], [7000, 'b'], [8000, 'c']]);
    expect((r.snapshot.context as { dropped: number }).dropped).toBe(2);
  });

  it('talks about a question before taking up the next; prompts arriving meanwhile queue, the overflow is dropped', () => {
    const m = hostMachine.provide({ delays: { reaction: 1000, answerTime: 10_000 }, guards: { complies: () => true } });
    const prompts = [{ at: 5000, prompt: prompt('a') }, ...['b', 'c', 'd', 'e'].map((id, i) => ({ at: 8000 + i * 1000, prompt: prompt(id) }))];
    const r = run(m, twoSkus, prompts, 120_000);
    const answers = r.out.filter((e) => e.msg.type === 'host.answer');
    // a at 6000, talked about until 16000; b, c, d waited (queue of 3), e was dropped
    expect(answers.map((e) => [e.t, (e.msg as { promptId: string }).promptId])).toEqual([[6000, 'a'], [17_000, 'b'], [28_000, 'c'], [39_000, 'd']]);
    expect((r.snapshot.context as { dropped: number }).dropped).toBe(1);
  });

  it('answers take the configured time by default (median 15 s): a prompt stream faster than that backs up', () => {
    const yes = hostMachine.provide({ guards: { complies: () => true } });
    const prompts = Array.from({ length: 200 }, (_, i) => ({ at: 1000 + i * 5000, prompt: prompt(`p${i}`) }));
    const long: HostTimeline = { durationMs: 10_000_000, events: [] };
    const r = run(yes, long, prompts, 2_000_000, 5);
    const answers = r.out.filter((e) => e.msg.type === 'host.answer');
    const gaps = answers.slice(1).map((e, i) => e.t - answers[i]!.t).sort((a, b) => a - b);
    const median = gaps[Math.floor(gaps.length / 2)]!;
    // back-to-back: answer (~15 s) + reaction (~4 s) between answers, so about one prompt in four is taken
    expect(median).toBeGreaterThan(15_000);
    expect(median).toBeLessThan(25_000);
    expect((r.snapshot.context as { dropped: number }).dropped).toBeGreaterThan(100);
  });

  it('complies with about the configured probability, deterministically per seed', () => {
    const prompts = Array.from({ length: 400 }, (_, i) => ({ at: 1000 + i * 20_000, prompt: prompt(`p${i}`) }));
    const long: HostTimeline = { durationMs: 10_000_000, events: [] };
    const a = run(hostMachine, long, prompts, 9_000_000, 3).out.filter((e) => e.msg.type === 'host.answer');
    const b = run(hostMachine, long, prompts, 9_000_000, 3).out.filter((e) => e.msg.type === 'host.answer');
    expect(a).toEqual(b);
    expect(a.length / prompts.length).toBeGreaterThan(0.6); // compliance 0.7
    expect(a.length / prompts.length).toBeLessThan(0.8);
  });

  it('stays inside the statechart fast path subset', () => {
    const r = tryCompileMachine(hostMachine as unknown as AnyStateMachine);
    expect(r.ok ? '' : r.error.message).toBe('');
  });
});
