// Tree queries over compiled state nodes (ancestors, descendants, least common ancestor), mirroring
// XState's stateUtils so that exit and entry sets come out exactly as XState computes them.
import type { CompiledNode, CompiledTransition } from './types.ts';

export class NodeGraph {
  constructor(readonly nodes: readonly CompiledNode[]) {}

  /** proper ancestors of n, nearest first, stopping before `to` (exclusive); all of them if to < 0 */
  properAncestors(n: number, to = -1): number[] {
    const out: number[] = [];
    for (let p = this.nodes[n]!.parent; p >= 0 && p !== to; p = this.nodes[p]!.parent) out.push(p);
    return out;
  }

  /** XState's isDescendant: child is strictly below parent */
  isDescendant(child: number, parent: number): boolean {
    let m = child;
    while (this.nodes[m]!.parent >= 0 && this.nodes[m]!.parent !== parent) m = this.nodes[m]!.parent;
    return this.nodes[m]!.parent === parent;
  }

  leastCommonAncestor(list: readonly number[]): number {
    const [head, ...tail] = list;
    for (const anc of this.properAncestors(head!)) {
      if (tail.every((n) => this.isDescendant(n, anc))) return anc;
    }
    return -1;
  }

  /** XState's getTransitionDomain; -1 means "no domain" (a reentering root transition) */
  transitionDomain(t: Pick<CompiledTransition, 'source' | 'targets' | 'reenter'>): number {
    const targets = t.targets;
    if (!t.reenter && targets.every((x) => x === t.source || this.isDescendant(x, t.source))) return t.source;
    const lca = this.leastCommonAncestor([...targets, t.source]);
    if (lca >= 0) return lca;
    if (t.reenter) return -1;
    return 0; // the root
  }

  isAtomic(n: number): boolean {
    const type = this.nodes[n]!.type;
    return type === 'atomic' || type === 'final';
  }

  /** XState's isInFinalState over a set of active nodes */
  isInFinalState(active: ReadonlySet<number>, n: number): boolean {
    const node = this.nodes[n]!;
    if (node.type === 'compound') return node.children.some((c) => this.nodes[c]!.type === 'final' && active.has(c));
    if (node.type === 'parallel') return node.children.every((c) => this.isInFinalState(active, c));
    return node.type === 'final';
  }
}
