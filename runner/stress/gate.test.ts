import { describe, expect, it } from 'vitest';
import { ConnectGate } from './gate.ts';

describe('ConnectGate', () => {
  it('keeps at most `limit` attempts in flight; a finished one lets the next start', () => {
    const started: number[] = [];
    const g = new ConnectGate<number>(2, 3, (x) => started.push(x));
    for (let i = 0; i < 5; i++) g.request(i, 2);
    expect(started).toEqual([0, 1]);
    expect(g.inFlight).toBe(2);
    expect(g.waiting).toBe(3);
    g.done();
    expect(started).toEqual([0, 1, 2]);
    g.done();
    g.done();
    g.done();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(g.inFlight).toBe(1);
    expect(g.waiting).toBe(0);
  });

  it('starts waiting items by level (0 first), in arrival order within a level', () => {
    const started: string[] = [];
    const g = new ConnectGate<string>(1, 3, (x) => started.push(x));
    g.request('busy', 2);
    g.request('new-a', 2);
    g.request('reconnect', 1);
    g.request('new-b', 2);
    g.request('order-a', 0);
    g.request('order-b', 0);
    for (let i = 0; i < 5; i++) g.done();
    expect(started).toEqual(['busy', 'order-a', 'order-b', 'reconnect', 'new-a', 'new-b']);
  });

  it('promote moves matching waiting items ahead, keeping their order', () => {
    const started: string[] = [];
    const g = new ConnectGate<string>(1, 3, (x) => started.push(x));
    g.request('busy', 2);
    for (const x of ['a', 'owed-1', 'b', 'owed-2']) g.request(x, 2);
    g.request('r', 1);
    expect(g.promote((x) => x.startsWith('owed'), 0)).toBe(2);
    for (let i = 0; i < 5; i++) g.done();
    expect(started).toEqual(['busy', 'owed-1', 'owed-2', 'r', 'a', 'b']);
  });

  it('an attempt that finishes inside start() frees its slot without recursion', () => {
    const started: number[] = [];
    const g = new ConnectGate<number>(1, 1, (x) => {
      started.push(x);
      if (x % 2 === 0) g.done(); // e.g. a connection closed while it waited
    });
    for (let i = 0; i < 6; i++) g.request(i, 0);
    // 0 finishes at once → 1 starts and stays in flight
    expect(started).toEqual([0, 1]);
    g.done(); // 1 done → 2 (sync done) → 3
    expect(started).toEqual([0, 1, 2, 3]);
    expect(g.inFlight).toBe(1);
  });

  it('keeps its order over many items (the head compacts)', () => {
    const started: number[] = [];
    const g = new ConnectGate<number>(1, 2, (x) => started.push(x));
    for (let i = 0; i < 5000; i++) g.request(i, 1);
    for (let i = 0; i < 2500; i++) g.done();
    g.request(-1, 0);
    for (let i = 0; i < 2600; i++) g.done();
    expect(started.slice(0, 2501)).toEqual(Array.from({ length: 2501 }, (_, i) => i));
    expect(started[2501]).toBe(-1);
    expect(started.slice(2502)).toEqual(Array.from({ length: 2499 }, (_, i) => 2501 + i));
  });
});
