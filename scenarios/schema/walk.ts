// Walking the zod schema alongside a value: the schema of a field, the keys allowed at a level, a
// field's description and default. Used for "did you mean" hints, override paths and the docs.
import type { z } from 'zod';

export type Seg = string | number;
type Z = z.ZodType;

interface Def {
  type: string;
  innerType?: Z;
  in?: Z;
  shape?: Record<string, Z>;
  element?: Z;
  items?: Z[];
  options?: Z[];
  discriminator?: string;
  keyType?: Z;
  valueType?: Z;
  entries?: Record<string, string | number>;
  values?: unknown[];
  defaultValue?: unknown;
}

export const defOf = (s: Z): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** The schema under defaults, optionals and pipes (a pipe's input side). */
export function unwrap(s: Z): Z {
  let cur = s;
  for (;;) {
    const d = defOf(cur);
    if (WRAPPERS.has(d.type) && d.innerType) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else return cur;
  }
}

/** The first description met while unwrapping (outermost first). */
export function descriptionOf(s: Z): string | undefined {
  let cur: Z | undefined = s;
  while (cur) {
    if (cur.description) return cur.description;
    const d = defOf(cur);
    cur = WRAPPERS.has(d.type) ? d.innerType : d.type === 'pipe' ? d.in : undefined;
  }
  return undefined;
}

/** The default value, if a wrapper gives one; `optional` when the field may be absent. */
export function presenceOf(s: Z): { kind: 'default'; value: unknown } | { kind: 'optional' } | { kind: 'required' } {
  let cur: Z | undefined = s;
  while (cur) {
    const d = defOf(cur);
    if (d.type === 'default' || d.type === 'prefault') return { kind: 'default', value: d.defaultValue };
    if (d.type === 'optional') return { kind: 'optional' };
    cur = WRAPPERS.has(d.type) ? d.innerType : d.type === 'pipe' ? d.in : undefined;
  }
  return { kind: 'required' };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** For a discriminated union, the option the value's discriminator picks. */
function option(u: Z, value: unknown): Z | undefined {
  const d = defOf(u);
  if (d.type !== 'union' || !d.options) return undefined;
  if (d.discriminator === undefined || !isObj(value)) return undefined;
  const tag = value[d.discriminator];
  return d.options.find((o) => {
    const lit = defOf(unwrap(o)).shape?.[d.discriminator!];
    return lit !== undefined && (defOf(lit).values ?? []).includes(tag);
  });
}

/** Enum members of a record's key schema, or undefined for free keys. */
function enumKeys(s: Z | undefined): string[] | undefined {
  if (!s) return undefined;
  const d = defOf(unwrap(s));
  return d.type === 'enum' && d.entries ? Object.values(d.entries).map(String) : undefined;
}

/** The schema of `seg` inside a value of schema `s` (the value picks a union's option). */
export function childSchema(s: Z, seg: Seg, value: unknown): Z | undefined {
  let u = unwrap(s);
  const picked = option(u, value);
  if (picked) u = unwrap(picked);
  const d = defOf(u);
  switch (d.type) {
    case 'object':
      return typeof seg === 'string' && d.shape && Object.hasOwn(d.shape, seg) ? d.shape[seg] : undefined;
    case 'array':
      return typeof seg === 'number' ? d.element : undefined;
    case 'tuple':
      return typeof seg === 'number' ? d.items?.[seg] : undefined;
    case 'record': {
      const keys = enumKeys(d.keyType);
      return keys === undefined || keys.includes(String(seg)) ? d.valueType : undefined;
    }
    default:
      return undefined;
  }
}

/** The keys a mapping may have at this schema (and value), or undefined for lists, scalars and free records. */
export function allowedKeys(s: Z, value: unknown): string[] | undefined {
  let u = unwrap(s);
  const picked = option(u, value);
  if (picked) u = unwrap(picked);
  const d = defOf(u);
  if (d.type === 'object' && d.shape) return Object.keys(d.shape);
  if (d.type === 'record') return enumKeys(d.keyType);
  return undefined;
}

/** Whether the schema here is a list (so a path segment is an index). */
export function isList(s: Z): boolean {
  const t = defOf(unwrap(s)).type;
  return t === 'array' || t === 'tuple';
}

/** The value at a path, or undefined. */
export function valueAt(root: unknown, path: readonly Seg[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isObj(cur) && Object.hasOwn(cur, String(seg))) cur = cur[String(seg)];
    else return undefined;
  }
  return cur;
}

/** The schema at a path through the value, or undefined when the path leaves the schema. */
export function schemaAt(root: Z, rootValue: unknown, path: readonly Seg[]): Z | undefined {
  let s: Z | undefined = root;
  for (let i = 0; i < path.length && s; i++) s = childSchema(s, path[i]!, valueAt(rootValue, path.slice(0, i)));
  return s;
}

/** 'a.b[0].c' */
export function formatPath(path: readonly Seg[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}
