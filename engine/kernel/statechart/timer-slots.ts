// Gives every `after` timer a per-agent slot. Two timers can share a slot when their states can never be
// active together (neither is an ancestor of the other and their nearest common ancestor is not
// parallel): joining's startup timer and stalled's stall timer share, watching's four timers do not.
// Fewer slots means less memory per agent and a cheaper earliest-timer scan.

export interface TimerOwner {
  node: number;
  events: string[];
}

function ancestors(node: number, parentOf: readonly number[]): number[] {
  const out: number[] = [];
  for (let n = node; n >= 0; n = parentOf[n]!) out.push(n);
  return out;
}

/** true when nodes a and b can be in one configuration */
export function mayBeCoActive(a: number, b: number, parentOf: readonly number[], typeOf: readonly string[]): boolean {
  if (a === b) return true;
  const ancA = ancestors(a, parentOf);
  const ancB = new Set(ancestors(b, parentOf));
  if (ancB.has(a) || ancA.includes(b)) return true;
  const lca = ancA.find((n) => ancB.has(n));
  return lca !== undefined && typeOf[lca] === 'parallel';
}

export function assignTimerSlots(
  owners: readonly TimerOwner[],
  parentOf: readonly number[],
  typeOf: readonly string[],
): { slotCount: number; slotOf: Map<string, number> } {
  const slotOf = new Map<string, number>();
  const placed: { node: number; slot: number }[] = [];
  let slotCount = 0;
  for (const owner of owners) {
    const taken = new Set<number>();
    for (const p of placed) if (mayBeCoActive(owner.node, p.node, parentOf, typeOf)) taken.add(p.slot);
    for (const ev of owner.events) {
      let slot = 0;
      while (taken.has(slot)) slot++;
      taken.add(slot);
      slotOf.set(ev, slot);
      placed.push({ node: owner.node, slot });
      slotCount = Math.max(slotCount, slot + 1);
    }
  }
  return { slotCount, slotOf };
}
