// One paragraph in plain language for a strategist: what show, how many viewers and when they come,
// who they are, on which networks, what the host does, which tools run, what is injected, what must hold.
import { arrivalPlan } from './arrivals.ts';
import { formatClock } from './primitives.ts';
import type { Scenario } from './scenario.ts';
import { catalogPlan } from './sections/catalog.ts';
import { STRATEGY_TOOLS, toolOn, type StrategySection, type StrategyTool } from './sections/strategy.ts';
import { formatThreshold } from './sections/thresholds.ts';

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const pct = (x: number): string => `${Math.round(x * 1000) / 10} %`;
const clock = (m: number): string => formatClock(m) ?? `${m} min`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const seconds = (n: number): string => (n >= 120 && n % 60 === 0 ? plural(n / 60, 'minute') : plural(n, 'second'));

function length(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60}-hour`;
  return minutes >= 1 ? `${Math.round(minutes * 10) / 10}-minute` : `${Math.round(minutes * 60)}-second`;
}

function list(xs: readonly string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

const NETWORK_NAMES: Record<string, string> = { '4g': '4G', 'weak-4g': 'weak 4G', '3g': '3G', wifi: 'Wi-Fi' };

const TOOL_NAMES: Record<StrategyTool | 'targeting', string> = {
  cleaning: 'comment cleaning',
  profiles: 'viewer profiles',
  segments: 'real-time segments',
  targeting: 'targeting',
  prompts: 'host prompts from comments',
  funnel: 'funnel anomaly alerts',
  skuHeat: 'SKU heat',
  propensity: 'propensity-ordered pitches',
  promoTiming: 'promotion timing',
};

function toolPhrase(s: StrategySection, t: StrategyTool): string {
  switch (t) {
    case 'segments':
      return toolOn(s, 'targeting') ? `real-time segments with ${s.segments.targeting.push === 'by-propensity' ? 'propensity-matched' : s.segments.targeting.push} targeting` : 'real-time segments';
    case 'funnel':
      return `funnel anomaly alerts (${s.funnel.detector})`;
    case 'promoTiming':
      return `promotion timing (peak ${s.promoTiming.peakWindow.replace('-', '–')}, ${s.promoTiming.countdownSeconds.peak} s countdowns)`;
    default:
      return TOOL_NAMES[t];
  }
}

function strategySentence(s: StrategySection): string {
  const on = STRATEGY_TOOLS.filter((t) => toolOn(s, t));
  const off = STRATEGY_TOOLS.filter((t) => !toolOn(s, t));
  const label = s.name && s.name !== s.preset ? ` "${s.name}" (from the ${s.preset} preset)` : ` (${s.preset})`;
  if (on.length === 0) return `The strategy${label} uses no marketing tools: a fixed script, static segments, fixed countdowns.`;
  const offPart = off.length > 0 ? `, and leaves ${list(off.map((t) => TOOL_NAMES[t]))} off` : '';
  return `The strategy${label} turns on ${on.length === STRATEGY_TOOLS.length ? 'every marketing tool: ' : ''}${list(on.map((t) => toolPhrase(s, t)))}${offPart}.`;
}

export function describeScenario(s: Scenario): string {
  const out: string[] = [];
  const plan = catalogPlan(s.catalog);
  const skus = plan ? `${int(plan.categories.reduce((n, c) => n + c.count, 0))} generated SKUs` : `${plural(s.catalog.skus!.length, 'listed SKU')}`;
  const vertical = s.catalog.vertical === 'mixed' ? 'mixed-category' : s.catalog.vertical;
  out.push(`"${s.name}" is a ${length(s.show.durationMinutes)} ${vertical} live show starting at ${s.show.startTime}, selling ${skus} to ${int(s.audience.size)} viewers.`);

  const phases = arrivalPlan(s.audience, s.show.durationMinutes).map((a) => {
    const mins = `${Math.round((a.endMinute - a.startMinute) * 10) / 10} min`;
    const rate = Math.abs(a.endRate - a.startRate) < 1e-9 ? `${int(a.startRate)}/min` : `${int(a.startRate)} → ${int(a.endRate)}/min`;
    return a.burst ? `an ad-buy burst (${a.name}) for ${mins} at ${clock(a.startMinute)} (${rate})` : `${a.name} for ${mins} (${rate})`;
  });
  out.push(`Viewers arrive in ${plural(phases.length, 'phase')}: ${list(phases)}.`);

  const personas = s.audience.personas.map((p) => `${pct(p.weight)} ${p.name}`);
  out.push(personas.length > 0 ? `The audience is ${list(personas)}.` : 'The audience follows the built-in persona mix.');

  const nets = s.network.mix.map((m) => `${pct(m.share)} ${NETWORK_NAMES[m.profile] ?? m.profile}`);
  const events = s.network.events.map((e) => {
    const who = `${e.share < 1 ? `${pct(e.share)} of ` : ''}${e.profiles.length > 0 ? `the ${list(e.profiles.map((p) => NETWORK_NAMES[p] ?? p))} viewers` : 'viewers'}`;
    const what = e.type === 'congestion' ? 'cell congestion' : `a ${e.type}`;
    const long = e.type === 'handover' ? '' : ` for ${seconds(e.durationSeconds)}`;
    return `${what} at ${clock(e.at)}${long} hitting ${who}`;
  });
  const ladder = s.network.abr.ladderKbps;
  out.push(
    `They watch on ${list(nets)}${events.length > 0 ? `, with ${list(events)}` : ''}; the player uses the ${s.network.abr.rule} ABR rule over a ${ladder[0]}–${ladder[ladder.length - 1]} kbit/s ladder.`,
  );

  const tl = s.show.timeline;
  if (tl.length === 0) out.push('There is no written script: the host covers the catalog in equal segments.');
  else {
    const segs = tl.flatMap((e) => (e.type === 'segment' ? [e.category] : []));
    const n = (t: string) => tl.filter((e) => e.type === t).length;
    const parts = [
      segs.length > 0 ? `${plural(segs.length, 'segment')} (${segs.join(' → ')})` : '',
      n('pitch') > 0 ? plural(n('pitch'), 'pitch', 'pitches') : '',
      n('flashsale') > 0 ? plural(n('flashsale'), 'flash sale') : '',
      n('qa') > 0 ? plural(n('qa'), 'Q&A block') : '',
    ].filter(Boolean);
    out.push(`The host's script has ${list(parts)}.`);
  }

  out.push(strategySentence(s.strategy));

  if (s.anomalies.length > 0) {
    const names = s.anomalies.map((a) => `a ${a.type.replace('-', ' ')} at ${clock(a.at)} lasting ${seconds(a.durationSeconds)}`);
    out.push(`Injected for the alerts to catch: ${list(names)}.`);
  }
  if (s.thresholds.length > 0) out.push(`The run passes if ${list(s.thresholds.map(formatThreshold))}.`);
  const variants = Object.entries(s.variants).map(([name, o]) => {
    const keys = Object.entries(o).map(([k, v]) => `${k} = ${JSON.stringify(v)}`);
    return keys.length > 0 ? `${name} (${keys.join(', ')})` : `${name} (as written)`;
  });
  if (variants.length > 0) out.push(`Variants to compare: ${list(variants)}.`);
  out.push(`Seed ${s.seed}.`);
  return out.join(' ');
}
