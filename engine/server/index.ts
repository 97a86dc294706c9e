// The live room server (`livelab serve`): the stack on the wall clock behind HTTP, WebSocket and WebRTC,
// with signed join tokens, validated frames, rate limits, bounded send buffers and an order journal.
// The only door into engine/server.
export { startServer, DEFAULT_LIMITS, type ServerOptions, type ServerLimits, type RunningServer } from './server.ts';
export { signToken, verifyToken, viewerToken, hostToken, newSecret, type Role, type TokenClaims } from './auth.ts';
export { Journal, duplicateKeys, JOURNAL_FILE, type JournalOrder, type JournalReplay } from './journal.ts';
export { Metrics, parsePrometheus } from './metrics.ts';
export { loadRtc, rtcUnavailableReason, peerBuffered, type PeerLike, type RtcKit } from './rtc.ts';
export { encodeUp, decodeDown, framesOf, CLOSE, type DownFrame, type UpFrameOut, type Stamp, type TransportDown } from './wire.ts';
