// Epoch-synchronised shards with a canonical cross-shard merge order.
export { type ShardMessage, compareShardMessages, mergeOutboxes } from './messages.ts';
export { BROADCAST, plan as planEpochs, runEpochs, runEpochsSync, type EpochShard, type EpochSpan, type RemoteEpochShard, type EpochHub, type EpochRunOptions, type EpochRunStats } from './run-epochs.ts';
