// Kernel shaping (--netem): tc/netem on veth pairs into network namespaces that the run creates and
// removes itself. Before using it, the run probes whether this machine can: it creates a throw-away
// namespace and veth pair, tries to attach a netem qdisc, and removes both. The probe's answer (and the
// exact error when it cannot) goes into the result; the run then falls back to user-space shaping.
import { spawnSync } from 'node:child_process';

export interface NetemStatus {
  requested: boolean;
  available: boolean;
  /** what the run used: netem, or user-space shaping (with the reason netem was not used) */
  used: 'netem' | 'user-space' | 'none';
  reason: string;
  steps: { cmd: string; ok: boolean; out: string }[];
}

function run(cmd: string[], steps: NetemStatus['steps']): boolean {
  const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', timeout: 5000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}`.trim();
  const ok = r.status === 0 && !r.error;
  steps.push({ cmd: cmd.join(' '), ok, out });
  return ok;
}

/**
 * Can this machine put netem on a veth in a namespace? Needs root (CAP_NET_ADMIN, CAP_SYS_ADMIN), iproute2,
 * and a kernel with CONFIG_NET_SCH_NETEM (built in or as the sch_netem module).
 */
export function probeNetem(): { available: boolean; reason: string; steps: NetemStatus['steps'] } {
  const steps: NetemStatus['steps'] = [];
  const ns = `llab-probe-${process.pid}`;
  const host = `llp${process.pid % 100000}h`;
  const peer = `llp${process.pid % 100000}n`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return { available: false, reason: 'not root: tc/netem and network namespaces need CAP_NET_ADMIN and CAP_SYS_ADMIN', steps };
  if (!run(['ip', 'netns', 'add', ns], steps)) return { available: false, reason: `cannot create a network namespace: ${steps.at(-1)!.out}`, steps };
  let reason = '';
  try {
    if (!run(['ip', 'link', 'add', host, 'type', 'veth', 'peer', 'name', peer], steps)) {
      reason = `cannot create a veth pair: ${steps.at(-1)!.out}`;
    } else if (!run(['ip', 'link', 'set', peer, 'netns', ns], steps)) {
      reason = `cannot move a veth end into the namespace: ${steps.at(-1)!.out}`;
    } else if (!run(['tc', 'qdisc', 'add', 'dev', host, 'root', 'netem', 'delay', '10ms'], steps)) {
      const out = steps.at(-1)!.out;
      if (/unknown/i.test(out)) {
        // what kernel shaping would remain: rate-only qdiscs (tbf), and fq, whose per-packet departure times
        // (EDT, set from BPF) are the other way to delay packets in the kernel
        const rateOnly = run(['tc', 'qdisc', 'add', 'dev', host, 'root', 'tbf', 'rate', '1mbit', 'burst', '32kb', 'latency', '50ms'], steps);
        if (rateOnly) run(['tc', 'qdisc', 'del', 'dev', host, 'root'], steps);
        const fq = run(['tc', 'qdisc', 'add', 'dev', host, 'root', 'fq'], steps);
        reason =
          `the kernel has no netem qdisc ("${out}"): CONFIG_NET_SCH_NETEM is not built in and no sch_netem module can be loaded (kernel ${release()}); ` +
          `${fq ? 'fq is there' : 'nor fq (no EDT delays from BPF either)'}, ${rateOnly ? 'only rate shaping (tbf) is: no kernel latency, jitter or loss' : 'nor tbf'}`;
      } else reason = `tc cannot attach netem: ${out}`;
    }
  } finally {
    run(['ip', 'link', 'del', host], steps);
    run(['ip', 'netns', 'del', ns], steps);
  }
  return reason === '' ? { available: true, reason: 'netem available', steps } : { available: false, reason, steps };
}

function release(): string {
  const r = spawnSync('uname', ['-r'], { encoding: 'utf8' });
  return (r.stdout ?? '').trim() || 'unknown';
}

export function netemStatus(requested: boolean): NetemStatus {
  if (!requested) return { requested, available: false, used: 'user-space', reason: 'not requested', steps: [] };
  const p = probeNetem();
  return {
    requested,
    available: p.available,
    used: 'user-space',
    reason: p.available
      ? 'netem is available here, but kernel shaping per viewer is not implemented yet: the run used user-space shaping'
      : `${p.reason}; the run used user-space shaping`,
    steps: p.steps,
  };
}
