// Ingestion cleaning of danmaku before analysis: drops bots (viewers caught spamming repeatedly), noise
// (no letters or digits), spam (links, QR codes, contact handles), filler (long runs of one character),
// duplicates (same viewer, same text within a window) and floods (a per-viewer token bucket). Every drop
// is counted by reason. Per-viewer state lives in typed columns, so the cost is O(1) per comment.
import { hashString } from '../../kernel/index.ts';
import type { Column, ViewerSlots } from '../core/columns.ts';
import { diversity, isContentless, longestRun, spamKind } from '../text/spam-patterns.ts';

export const DROP_REASONS = ['bot', 'noise', 'spam', 'repeated', 'duplicate', 'flood'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export interface CleaningParams {
  enabled: boolean;
  /** same viewer, same text (ignoring spaces and punctuation) within this window is a duplicate */
  dedupeWindowMs: number;
  /** token bucket per viewer: sustained comments per second and burst size */
  floodRatePerSec: number;
  floodBurst: number;
  /** a run of this many identical characters marks filler ("哈哈哈哈哈哈哈哈") */
  maxRepeatRun: number;
  /** a text this long with fewer distinct characters than this share is filler too */
  minDiversity: number;
  /** spam drops after which a viewer is treated as a bot and muted */
  botAfterSpam: number;
}

/** How many recent texts per viewer the duplicate check remembers. */
const RING = 4;
const STRIP = /[\s\p{P}\p{S}]/gu;

export class Cleaner {
  readonly dropped: Record<DropReason, number> = { bot: 0, noise: 0, spam: 0, repeated: 0, duplicate: 0, flood: 0 };
  received = 0;
  kept = 0;
  private readonly hashes: Column<Int32Array>;
  private readonly hashAt: Column<Float64Array>;
  private readonly ringPos: Column<Uint8Array>;
  private readonly tokens: Column<Float32Array>;
  private readonly tokensAt: Column<Float64Array>;
  private readonly strikes: Column<Uint8Array>;

  constructor(
    private readonly p: CleaningParams,
    slots: ViewerSlots,
  ) {
    this.hashes = slots.column((n) => new Int32Array(n), 0, RING);
    this.hashAt = slots.column((n) => new Float64Array(n), -Infinity, RING);
    this.ringPos = slots.column((n) => new Uint8Array(n));
    this.tokens = slots.column((n) => new Float32Array(n), p.floodBurst);
    this.tokensAt = slots.column((n) => new Float64Array(n), NaN);
    this.strikes = slots.column((n) => new Uint8Array(n));
  }

  /** The reason to drop this comment, or undefined to keep it. `text` is already normalised. */
  check(slot: number, text: string, now: number): DropReason | undefined {
    this.received++;
    const reason = this.reason(slot, text, now);
    if (reason === undefined) this.kept++;
    else this.dropped[reason]++;
    return reason;
  }

  private reason(slot: number, text: string, now: number): DropReason | undefined {
    const p = this.p;
    if (this.strikes.a[slot]! >= p.botAfterSpam) return 'bot';
    if (isContentless(text)) return 'noise';
    if (spamKind(text) !== undefined) {
      this.strikes.a[slot] = Math.min(255, this.strikes.a[slot]! + 1);
      return 'spam';
    }
    if (longestRun(text) >= p.maxRepeatRun || (text.length >= 12 && diversity(text) < p.minDiversity)) return 'repeated';
    if (this.isDuplicate(slot, text, now)) return 'duplicate';
    return this.takeToken(slot, now) ? undefined : 'flood';
  }

  private isDuplicate(slot: number, text: string, now: number): boolean {
    const h = hashString(text.replace(STRIP, '')) | 0;
    const base = slot * RING;
    for (let i = 0; i < RING; i++) {
      if (this.hashes.a[base + i] === h && now - this.hashAt.a[base + i]! < this.p.dedupeWindowMs) return true;
    }
    const pos = this.ringPos.a[slot]!;
    this.hashes.a[base + pos] = h;
    this.hashAt.a[base + pos] = now;
    this.ringPos.a[slot] = (pos + 1) % RING;
    return false;
  }

  private takeToken(slot: number, now: number): boolean {
    const last = this.tokensAt.a[slot]!;
    let tokens = Number.isNaN(last) ? this.p.floodBurst : Math.min(this.p.floodBurst, this.tokens.a[slot]! + ((now - last) * this.p.floodRatePerSec) / 1000);
    this.tokensAt.a[slot] = now;
    if (tokens < 1) {
      this.tokens.a[slot] = tokens;
      return false;
    }
    tokens -= 1;
    this.tokens.a[slot] = tokens;
    return true;
  }
}
