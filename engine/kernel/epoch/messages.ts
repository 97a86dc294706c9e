// Cross-shard messages and their one merge order: (time, agentId, seq). Whatever shard produced a
// message, and however many shards there are, the merged sequence is the same.
export interface ShardMessage<M> {
  /** virtual time the message was sent */
  readonly t: number;
  /** the sending (or, downstream, receiving) agent */
  readonly agent: number;
  /** the agent's own message counter: orders one agent's messages at the same instant */
  readonly seq: number;
  readonly msg: M;
}

export function compareShardMessages<M>(a: ShardMessage<M>, b: ShardMessage<M>): number {
  return a.t - b.t || a.agent - b.agent || a.seq - b.seq;
}

/** Merges the outboxes of all shards of one epoch into the canonical (time, agentId, seq) order. */
export function mergeOutboxes<M>(outboxes: readonly (readonly ShardMessage<M>[])[]): ShardMessage<M>[] {
  const merged: ShardMessage<M>[] = [];
  for (const box of outboxes) for (const m of box) merged.push(m);
  merged.sort(compareShardMessages);
  for (let i = 1; i < merged.length; i++) {
    if (compareShardMessages(merged[i - 1]!, merged[i]!) === 0) {
      const m = merged[i]!;
      throw new Error(`mergeOutboxes: two messages share (t=${m.t}, agent=${m.agent}, seq=${m.seq}); per-agent seq must be unique`);
    }
  }
  return merged;
}
