// Ingestion cleaning: dedupe, spam/bot and noise filtering, with counts of what was dropped and why.
export { Cleaner, DROP_REASONS, type DropReason, type CleaningParams } from './cleaner.ts';
