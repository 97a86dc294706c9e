// Which shard a viewer belongs to. Any split gives the same results (viewers only meet at the stack, in
// the canonical epoch order); this one is for speed: shard 0 shares the main thread with the stack,
// so it takes a smaller slice. Viewer ids are dealt in rounds of 8 × shards slots: shard 0 gets 7 of
// them, the worker shards the rest in turn (2 shards: 7/16 and 9/16 of the viewers).
const SLOTS_PER_SHARD = 8;
const MAIN_SLOTS = 7;

export function shardOfViewer(id: number, shards: number): number {
  if (shards <= 1) return 0;
  const slot = id % (SLOTS_PER_SHARD * shards);
  return slot < MAIN_SLOTS ? 0 : 1 + ((slot - MAIN_SLOTS) % (shards - 1));
}
