// Interned configurations (sets of active state nodes). An agent's whole statechart position is one
// small integer; each configuration caches its XState state value and its microstep plans.
import type { NodeGraph } from './graph.ts';
import type { MicrostepPlan } from './plan.ts';

export type StateValue = string | { [key: string]: StateValue };

export interface Configuration {
  id: number;
  nodes: readonly number[];
  has: Uint8Array;
  value: StateValue;
  /** plan cache of several chosen transitions, keyed by their indices (runtime.ts multiKey) */
  plans: Map<string | number, MicrostepPlan>;
  /** single-transition plans, by transition index (the common case, no string key) */
  single: (MicrostepPlan | undefined)[];
  /** select() walks by event type (runtime.ts; opaque here) */
  select: Map<string, unknown[]>;
}

export class ConfigurationTable {
  readonly list: Configuration[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(private readonly g: NodeGraph) {}

  intern(nodes: readonly number[]): number {
    const key = nodes.join(',');
    const found = this.byKey.get(key);
    if (found !== undefined) return found;
    const has = new Uint8Array(this.g.nodes.length);
    for (const n of nodes) has[n] = 1;
    const id = this.list.length;
    this.list.push({ id, nodes, has, value: this.valueOf(0, has), plans: new Map(), single: [], select: new Map() });
    this.byKey.set(key, id);
    return id;
  }

  /** XState's getStateValue: compound → child key (atomic) or { key: value }; parallel → { key: value } */
  private valueOf(n: number, has: Uint8Array): StateValue {
    const node = this.g.nodes[n]!;
    const active = node.children.filter((c) => has[c] === 1);
    if (active.length === 0) return {};
    if (node.type === 'compound') {
      const child = this.g.nodes[active[0]!]!;
      if (child.type === 'atomic' || child.type === 'final') return child.key;
    }
    const v: { [key: string]: StateValue } = {};
    for (const c of active) v[this.g.nodes[c]!.key] = this.valueOf(c, has);
    return v;
  }
}
