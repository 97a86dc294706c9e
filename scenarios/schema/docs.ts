// The scenario reference (docs/scenario-reference.md), generated from the schema's descriptions and
// defaults so the docs cannot drift from the code: `npm run docs:scenarios`.
import { stringify } from 'yaml';
import { z } from 'zod';
import { TIME_OF_DAY, TIME_PATTERN } from './primitives.ts';
import { PEAK_WINDOW } from './sections/strategy-tools.ts';
import { THRESHOLD_SYNTAX } from './sections/thresholds.ts';
import { ScenarioSchema } from './scenario.ts';
import { defOf, descriptionOf, presenceOf, unwrap } from './walk.ts';

type Z = z.ZodType;
type Json = Record<string, unknown>;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const PATTERN_NAMES = new Map<string, string>([
  [TIME_OF_DAY.source, '`HH:MM`'],
  [PEAK_WINDOW.source, '`HH:MM-HH:MM`'],
  [THRESHOLD_SYNTAX.source, '`metric op value`'],
]);
const toJson = (s: Z): Json => z.toJSONSchema(s, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Json;

function bounds(j: Json): string {
  const parts: string[] = [];
  if (typeof j.minimum === 'number' && j.minimum > -MAX_SAFE) parts.push(`≥ ${j.minimum}`);
  if (typeof j.exclusiveMinimum === 'number') parts.push(`> ${j.exclusiveMinimum}`);
  if (typeof j.maximum === 'number' && j.maximum < MAX_SAFE) parts.push(`≤ ${j.maximum}`);
  if (typeof j.exclusiveMaximum === 'number') parts.push(`< ${j.exclusiveMaximum}`);
  return parts.length > 0 ? ` ${parts.join(', ')}` : '';
}

/** A short type for a JSON Schema fragment: "integer ≥ 1", "time", "one of `a`, `b`", "list of …". */
function typeText(j: Json): string {
  const any = j.anyOf as Json[] | undefined;
  if (any?.some((x) => x.pattern === TIME_PATTERN)) {
    return any.some((x) => x.exclusiveMinimum === 0) ? 'duration (minutes, `mm:ss`, `90s`, `10m`, `1h30m`)' : 'time (`mm:ss` or minutes)';
  }
  if (Array.isArray(j.enum)) return `one of ${(j.enum as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}`;
  if (j.const !== undefined) return `\`${String(j.const)}\``;
  switch (j.type) {
    case 'integer':
      return `integer${bounds(j)}`;
    case 'number':
      return `number${bounds(j)}`;
    case 'boolean':
      return 'true / false';
    case 'string':
      if (typeof j.pattern !== 'string') return 'string';
      return PATTERN_NAMES.get(j.pattern) ?? (j.pattern.length <= 40 ? `string matching \`${j.pattern}\`` : 'string (see description)');
    case 'array':
      if (Array.isArray(j.items)) return `[${(j.items as Json[]).map(typeText).join(', ')}]`;
      return `list of ${typeText((j.items as Json | undefined) ?? {})}`;
    case 'object': {
      if (j.properties) return 'mapping';
      const names = (j.propertyNames as Json | undefined)?.enum as string[] | undefined;
      const value = j.additionalProperties && typeof j.additionalProperties === 'object' ? typeText(j.additionalProperties as Json) : 'any value';
      return names ? `mapping of ${names.map((n) => `\`${n}\``).join(' / ')} → ${value}` : `mapping of name → ${value}`;
    }
    default:
      return j.oneOf ? 'one of the entry types below' : 'any value';
  }
}

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function defaultText(s: Z, path: string, into?: Section): string {
  const p = presenceOf(s);
  if (p.kind === 'required') return '**required**';
  if (p.kind === 'optional') return '—';
  const v = p.value;
  if (isObject(s)) return '(fields below)';
  const text = JSON.stringify(v);
  if (text.length <= 60) return `\`${text}\``;
  into?.defaults.push({ path, yaml: stringify(v, { lineWidth: 0 }) });
  return '(below the table)';
}

interface Section {
  path: string;
  description: string | undefined;
  rows: string[];
  defaults: { path: string; yaml: string }[];
  subsections: Section[];
}

function isObject(s: Z): boolean {
  return defOf(unwrap(s)).type === 'object';
}
function listElement(s: Z): Z | undefined {
  const d = defOf(unwrap(s));
  return d.type === 'array' ? d.element : undefined;
}
function unionOptions(s: Z): Z[] | undefined {
  const d = defOf(unwrap(s));
  return d.type === 'union' && d.discriminator ? d.options : undefined;
}

function fieldsOf(obj: Z, prefix: string, into: Section): void {
  for (const [key, field] of Object.entries(defOf(unwrap(obj)).shape ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const el = listElement(field);
    const json = toJson(field);
    into.rows.push(`| \`${path}\` | ${esc(typeText(json))} | ${esc(defaultText(field, path, into))} | ${esc(descriptionOf(field) ?? '')} |`);
    if (isObject(field)) fieldsOf(field, path, into);
    else if (el && (isObject(el) || unionOptions(el))) into.subsections.push(sectionOf(el, `${path}[]`, descriptionOf(el) ?? descriptionOf(field)));
  }
}

function sectionOf(s: Z, path: string, description: string | undefined, heading = path): Section {
  const sec: Section = { path: heading, description, rows: [], defaults: [], subsections: [] };
  const options = unionOptions(s);
  if (options) {
    const tag = defOf(unwrap(s)).discriminator!;
    for (const o of options) {
      const value = String((defOf(defOf(unwrap(o)).shape![tag]!).values ?? [])[0]);
      sec.subsections.push(sectionOf(o, path, descriptionOf(o), `${path} with ${tag}: ${value}`));
    }
  } else fieldsOf(s, path, sec);
  return sec;
}

function render(sec: Section, depth: number, out: string[]): void {
  out.push(`${'#'.repeat(Math.min(depth, 6))} \`${sec.path}\``, '');
  if (sec.description) out.push(`${sec.description}.`, '');
  if (sec.rows.length > 0) out.push('| field | type | default | description |', '|---|---|---|---|', ...sec.rows, '');
  for (const d of sec.defaults) out.push(`Default of \`${d.path}\`:`, '', '```yaml', d.yaml.trimEnd(), '```', '');
  for (const sub of sec.subsections) render(sub, depth + 1, out);
}

const INTRO = `# Scenario file reference

<!-- generated by \`npm run docs:scenarios\` from scenarios/schema/: edit the schema's descriptions, not this file -->

A scenario file (YAML or JSON) describes one live show to simulate: the show and its script, the catalog,
the audience and how it arrives, the networks, the marketing strategy, injected anomalies, pass/fail
thresholds and the variants to compare. Every field has a default, so an empty file is a valid scenario.

- \`livelab validate FILE\` checks a file and prints every problem as \`file:line:col path: expected …, got …\`.
- \`livelab describe FILE\` summarises it in one paragraph.
- \`livelab schema > livelab.schema.json\` writes the JSON Schema; with the YAML language server, start a
  file with \`# yaml-language-server: $schema=livelab.schema.json\` for completion and checking.
- Times in the show (\`at\`) are \`mm:ss\` from the show start or a number of minutes; durations are minutes
  (or \`mm:ss\`, \`90s\`, \`10m\`, \`1h30m\`). Unknown keys are errors, with a "did you mean" suggestion.
- Overrides (\`variants\`, sweep parameters \`path=value\`) name a field by its dotted path; list items go
  by index or name: \`network.mix[0].share\`, \`audience.arrivals[main].rate\`, \`network.mix[weak-4g].share\`.
  A mapping value merges into the field; lists and scalars replace it.
- Thresholds are \`metric op value\` with a dotted result.json metric and one of \`<\`, \`<=\`, \`>\`, \`>=\`,
  \`==\`, \`!=\`, e.g. \`qoe.startupMs.p95 < 2000\`.
`;

export function scenarioReference(): string {
  const out: string[] = [INTRO];
  const root: Section = { path: '(top level)', description: descriptionOf(ScenarioSchema), rows: [], defaults: [], subsections: [] };
  const sections: Section[] = [];
  for (const [key, field] of Object.entries(defOf(unwrap(ScenarioSchema)).shape ?? {})) {
    const json = toJson(field);
    root.rows.push(`| \`${key}\` | ${esc(typeText(json))} | ${esc(defaultText(field, key, root))} | ${esc(descriptionOf(field) ?? '')} |`);
    if (isObject(field)) sections.push(sectionOf(field, key, descriptionOf(field)));
    else {
      const el = listElement(field);
      if (el && (isObject(el) || unionOptions(el))) sections.push(sectionOf(el, `${key}[]`, descriptionOf(field)));
    }
  }
  render(root, 2, out);
  for (const s of sections) render(s, 2, out);
  return `${out.join('\n').trimEnd()}\n`;
}
