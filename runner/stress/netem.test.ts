import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { netemStatus, probeNetem } from './netem.ts';

const hasIp = spawnSync('ip', ['-V']).status === 0;

describe.skipIf(!hasIp)('--netem probe', () => {
  it('answers whether netem can shape a veth in a namespace, says why not, and leaves nothing behind', () => {
    const p = probeNetem();
    expect(typeof p.available).toBe('boolean');
    if (!p.available) expect(p.reason.length).toBeGreaterThan(10);
    const ns = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '';
    expect(ns).not.toContain(`llab-probe-${process.pid}`);
    const links = spawnSync('ip', ['link', 'show'], { encoding: 'utf8' }).stdout ?? '';
    expect(links).not.toContain(`llp${process.pid % 100000}h`);
    const s = netemStatus(true);
    expect(s).toMatchObject({ requested: true, used: 'user-space' });
    expect(netemStatus(false)).toMatchObject({ requested: false, steps: [] });
  });
});
