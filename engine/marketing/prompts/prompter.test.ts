import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HostDown } from '../../protocol.ts';
import { DEFAULT_MARKETING_CONFIG, marketingConfig } from '../config.ts';
import { BEAUTY_CATALOG, drive, say, type Stamped, type Timed } from '../fixtures.ts';
import { createMarketingEngine } from '../state.ts';
import { summary } from '../summary.ts';

const pitch = (t: number, sku: string): Timed => ({ t, host: { type: 'host.pitch', sku } });
/** host prompts with the time of the tick that sent them */
const prompts = (out: Stamped[]) => out.filter((o): o is { t: number; to: 'host'; msg: HostDown } => o.to === 'host');
const engine = () => createMarketingEngine(DEFAULT_MARKETING_CONFIG, BEAUTY_CATALOG);
const cooldown = DEFAULT_MARKETING_CONFIG.prompts.cooldownMs;

describe('comment clusters → host prompts', () => {
  it('emits a prompt in the tick after the threshold comment: < 200 ms virtual', () => {
    const s = engine();
    const out = prompts(drive(s, [pitch(0, 'lip-01'), say(1_000, 1, '敏感肌能用吗'), say(1_500, 2, '敏感肌可以用吗？'), say(2_050, 3, '敏感机能用吗')], 3_000));
    expect(out).toHaveLength(1);
    const p = out[0]!;
    expect(p.t).toBe(2_100);
    expect(p.t - 2_050).toBeLessThan(200);
    expect(p.msg).toMatchObject({ type: 'host.prompt', intent: 'suitability', sku: 'lip-01', viewers: 3, firstCommentAt: 1_000 });
    expect(p.msg.text).toBe('3位观众在问Velvet Rouge是否适合敏感肌，请回应');
    const sum = summary(s);
    expect(sum.promptLatencyMs).toEqual({ p50: 50, p99: 50 });
    expect(sum.promptLatencyFromFirstMs).toEqual({ p50: 1_100, p99: 1_100 });
  });

  it('writes English prompts for an English cluster', () => {
    const out = prompts(drive(engine(), [pitch(0, 'lip-01'), say(10, 1, 'good for sensitive skin?', 'en'), say(20, 2, 'sensitive skin ok?', 'en'), say(30, 3, 'does it suit sensitive skin', 'en')], 200));
    expect(out[0]!.msg.text).toBe('3 viewers ask whether Velvet Rouge suits sensitive skin: address it');
  });

  it('needs distinct viewers: one viewer asking three times is not a cluster', () => {
    const out = prompts(drive(engine(), [say(0, 1, '包邮吗'), say(3_000, 1, '包邮吗亲'), say(6_000, 1, '到底包不包邮')], 10_000));
    expect(out).toHaveLength(0);
  });

  it('does not prompt the same cluster again during the cool-down, and does after it', () => {
    const asks: Timed[] = [];
    for (let v = 0; v < 30; v++) asks.push(say(1_000 + v * 2_000, v, '包邮吗'));
    asks.push(say(cooldown + 5_000, 100, '包邮吗'), say(cooldown + 5_100, 101, '发货快吗'), say(cooldown + 5_200, 102, '包邮吗？'));
    const out = prompts(drive(engine(), asks, cooldown + 10_000));
    const shipping = out.filter((p) => p.msg.intent === 'shipping');
    expect(shipping.length).toBe(2);
    expect(shipping[1]!.t - shipping[0]!.t).toBeGreaterThanOrEqual(cooldown);
  });

  it('forgets comments older than the window', () => {
    const w = DEFAULT_MARKETING_CONFIG.prompts.windowMs;
    const out = prompts(drive(engine(), [say(0, 1, '是正品吗'), say(w / 2, 2, '是正品吗'), say(w + 1_000, 3, '是正品吗')], w + 2_000));
    expect(out).toHaveLength(0);
  });

  it('emits nothing when prompts are switched off', () => {
    const s = createMarketingEngine(marketingConfig({ prompts: { enabled: false } }), BEAUTY_CATALOG);
    expect(prompts(drive(s, [say(0, 1, '包邮吗'), say(1, 2, '包邮吗'), say(2, 3, '包邮吗')], 500))).toHaveLength(0);
  });

  it('keeps latency ≤ one epoch and per-cluster gaps ≥ the cool-down on any comment stream (property)', () => {
    const texts = ['包邮吗', '敏感肌能用吗', '是正品吗', '好看', 'how much?'];
    const row = fc.tuple(fc.nat(15), fc.nat(texts.length - 1), fc.nat(3_000));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 120 }), (rows) => {
        let t = 0;
        const msgs = rows.map(([v, k, dt]) => say((t += dt), v, texts[k]!, k === 4 ? 'en' : 'zh'));
        const s = engine();
        const out = prompts(drive(s, msgs, t + 1_000));
        const last = new Map<string, number>();
        for (const p of out) {
          const key = `${p.msg.intent}|${p.msg.sku ?? ''}`;
          const prev = last.get(key);
          if (prev !== undefined) expect(p.t - prev).toBeGreaterThanOrEqual(cooldown);
          last.set(key, p.t);
        }
        const lat = summary(s).promptLatencyMs;
        if (out.length > 0) expect(lat.p99!).toBeLessThanOrEqual(100);
      }),
      { numRuns: 60 },
    );
  });
});
