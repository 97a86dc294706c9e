export { tickAllowance } from './cap.ts';
export { danmakuShownTo, danmakuShownCount, type DanmakuBatch } from './sampling.ts';
export { createFanout, offerComment, flushDue, nextFlushAt, type Fanout, type FanoutConfig, type FanoutCounters } from './fanout.ts';
