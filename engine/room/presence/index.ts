export { createPresence, join, leave, closeAll, watchedMs, isPresent, NEGATIVE_WATCH_MS, type Presence } from './presence.ts';
