// Which comments of a batch one viewer is shown: the per-viewer sampling rule. Deterministic and stateless:
// a viewer sees the `perViewer` comments (not their own) with the smallest hash of (salt, comment id,
// viewer), in the batch's order. Each comment is thus a uniform pick, independent across viewers, and
// nobody needs to store per-viewer copies: a client (or the runtime, for an agent that reads the chat)
// computes its own view from the one broadcast batch.
import { foldInt, mix32 } from '../../kernel/index.ts';
import type { ViewerDown } from '../../protocol.ts';

export type DanmakuBatch = Extract<ViewerDown, { type: 'danmaku.batch' }>;
type Item = DanmakuBatch['items'][number];

/** The sampling key of comment `id` for a viewer whose folded id is `viewerKey`. */
function sampleKey(salt: number, id: number, viewerKey: number): number {
  return mix32(mix32((salt ^ id) >>> 0) ^ viewerKey);
}

/** How many items of the batch the viewer is shown (O(n), no allocation). */
export function danmakuShownCount(batch: DanmakuBatch, viewer: number): number {
  let others = 0;
  for (const it of batch.items) if (it.viewer !== viewer) others++;
  return batch.perViewer === undefined ? others : Math.min(batch.perViewer, others);
}

/** The items the viewer is shown, in batch order. A batch without sampling fields shows everything but one's own. */
export function danmakuShownTo(batch: DanmakuBatch, viewer: number): Item[] {
  const { items } = batch;
  const cap = batch.perViewer ?? Infinity;
  const candidates: number[] = [];
  for (let i = 0; i < items.length; i++) if (items[i]!.viewer !== viewer) candidates.push(i);
  if (candidates.length <= cap) return candidates.map((i) => items[i]!);
  // bottom-k by hash: keep the k smallest keys in a small sorted array (k is a handful per tick)
  const salt = batch.salt ?? 0;
  const firstId = batch.firstId ?? 0;
  const vk = foldInt(viewer);
  const keys: number[] = [];
  const picked: number[] = [];
  for (const i of candidates) {
    const key = sampleKey(salt, firstId + i, vk);
    if (picked.length === cap && key >= keys[cap - 1]!) continue;
    let at = picked.length === cap ? cap - 1 : picked.length;
    while (at > 0 && keys[at - 1]! > key) {
      keys[at] = keys[at - 1]!;
      picked[at] = picked[at - 1]!;
      at--;
    }
    keys[at] = key;
    picked[at] = i;
  }
  picked.sort((a, b) => a - b);
  return picked.map((i) => items[i]!);
}
