// Where a path of the document is in the file: line and column of a value (or of its key), from the
// YAML parser's node ranges. JSON files go through the same parser, so they get positions too. A path
// that does not exist (a missing field) points at the nearest ancestor that does.
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Seg } from './walk.ts';

export interface Position {
  line: number;
  col: number;
}

export type Locate = (path: readonly Seg[], at?: 'value' | 'key') => Position | undefined;

const keyText = (k: unknown): string | undefined => (isScalar(k) ? String(k.value) : typeof k === 'string' ? k : undefined);

export function locator(doc: Document, lines: LineCounter): Locate {
  const pos = (n: Node | null | undefined): Position | undefined => (n?.range ? lines.linePos(n.range[0]) : undefined);
  return (path, at = 'value') => {
    let node = doc.contents as Node | null;
    let best = pos(node) ?? { line: 1, col: 1 };
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
        if (!pair) return best;
        const keyPos = pos(pair.key as Node);
        if (last && at === 'key') return keyPos ?? best;
        node = pair.value as Node | null;
        // `key:` with nothing after it has no value node: point at the key
        best = pos(node) ?? keyPos ?? best;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) return best;
        node = item;
        best = pos(node) ?? best;
      } else {
        return best;
      }
    }
    return best;
  };
}
