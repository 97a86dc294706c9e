// The room service: presence and concurrency, danmaku fan-out with per-viewer rate caps and sampling,
// likes/gifts/follows, and the host's show timeline as data. The only door into engine/room.
export { createRoomState, type RoomState } from './state.ts';
export { ROOM_DEFAULTS, resolveRoomConfig, type RoomConfig, type ResolvedRoomConfig } from './config.ts';
export { handle, advance, nextDueAt, type RoomInput, type RoomOutbound } from './room.ts';
export { summary, type RoomSummary } from './summary.ts';
export { danmakuShownTo, danmakuShownCount, tickAllowance, type DanmakuBatch } from './danmaku/index.ts';
export { NEGATIVE_WATCH_MS } from './presence/index.ts';
export * from './timeline/index.ts';
