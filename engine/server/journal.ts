// The append-only journal that makes orders survive a restart. One JSON object per line:
//
//   { "k": "run", "v": 1, "runStartEpoch": …, "seed": … }          first line: the run's time origin
//   { "k": "in", "t": …, "m": CommerceInput }                      every message commerce handles, before it does
//   { "k": "order", "t": …, "key": …, "id": …, "viewer": …, "total": … }   every order placed, before it is confirmed
//   { "k": "ids", "next": … }                                      the server's next self-allocated viewer id
//
// Each record is written with one write(2) before the server answers anything that depends on it, so a
// killed server (SIGKILL) never confirms an order it has not journaled (the page cache survives a process
// crash; `fsync: true` also survives a machine crash, at a cost per record). On start the server replays
// the "in" records into a fresh commerce state: carts, stock, coupons, orders and their idempotency keys
// come back exactly, so a client retrying a checkout after the restart gets the order it already has.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CommerceInput } from '../stack/index.ts';

export interface JournalOrder {
  t: number;
  key: string;
  id: string;
  viewer: number;
  total: number;
}

type Rec =
  | { k: 'run'; v: 1; runStartEpoch: number; seed: number }
  | { k: 'in'; t: number; m: CommerceInput }
  | ({ k: 'order' } & JournalOrder)
  | { k: 'ids'; next: number };

export interface JournalReplay {
  runStartEpoch: number;
  inputs: { t: number; m: CommerceInput }[];
  orders: JournalOrder[];
  nextViewerId: number | undefined;
  /** a torn last line (the process died mid-write) is dropped and counted here */
  tornLines: number;
}

export const JOURNAL_FILE = 'journal.ndjson';

export class Journal {
  private fd: number;
  records = 0;

  private constructor(
    readonly path: string,
    private readonly fsync: boolean,
  ) {
    this.fd = openSync(path, 'a');
  }

  /**
   * Opens (or creates) the journal in `dir`. Returns the journal and what an existing file held; a new file
   * gets a header with `runStartEpoch` (the caller's now).
   */
  static open(dir: string, opts: { seed: number; nowEpoch: number; fsync?: boolean }): { journal: Journal; replay: JournalReplay | null } {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, JOURNAL_FILE);
    const replay = existsSync(path) ? Journal.read(path) : null;
    const j = new Journal(path, opts.fsync ?? false);
    if (replay === null) j.append({ k: 'run', v: 1, runStartEpoch: opts.nowEpoch, seed: opts.seed });
    return { journal: j, replay };
  }

  /** Reads a journal file (for replay, and for audits by the stress runner). */
  static read(path: string): JournalReplay {
    const text = readFileSync(path, 'utf8');
    const out: JournalReplay = { runStartEpoch: NaN, inputs: [], orders: [], nextViewerId: undefined, tornLines: 0 };
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      let r: Rec;
      try {
        r = JSON.parse(line) as Rec;
      } catch {
        // only the last line can be torn by a crash; anything else is a corrupt file
        if (i >= lines.length - 2) {
          out.tornLines++;
          continue;
        }
        throw new Error(`journal ${path}: line ${i + 1} is not JSON`);
      }
      switch (r.k) {
        case 'run':
          out.runStartEpoch = r.runStartEpoch;
          break;
        case 'in':
          out.inputs.push({ t: r.t, m: r.m });
          break;
        case 'order':
          out.orders.push({ t: r.t, key: r.key, id: r.id, viewer: r.viewer, total: r.total });
          break;
        case 'ids':
          out.nextViewerId = r.next;
          break;
        default:
          break;
      }
    }
    if (!Number.isFinite(out.runStartEpoch)) throw new Error(`journal ${path}: no run header`);
    return out;
  }

  input(t: number, m: CommerceInput): void {
    this.append({ k: 'in', t, m });
  }

  order(o: JournalOrder): void {
    this.append({ k: 'order', ...o });
  }

  ids(next: number): void {
    this.append({ k: 'ids', next });
  }

  private append(r: Rec): void {
    writeSync(this.fd, `${JSON.stringify(r)}\n`);
    if (this.fsync) fsyncSync(this.fd);
    this.records++;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/** Keys with more than one order (must be none: an idempotency key makes one order, forever). */
export function duplicateKeys(orders: readonly JournalOrder[]): string[] {
  const ids = new Map<string, Set<string>>();
  for (const o of orders) {
    let s = ids.get(o.key);
    if (s === undefined) ids.set(o.key, (s = new Set()));
    s.add(o.id);
  }
  const dup: string[] = [];
  for (const [k, s] of ids) if (s.size > 1) dup.push(k);
  // a key journaled twice with one id is a replayed order record: also a duplicate write
  const seen = new Set<string>();
  for (const o of orders) {
    if (seen.has(o.key) && !dup.includes(o.key)) dup.push(o.key);
    seen.add(o.key);
  }
  return dup;
}
