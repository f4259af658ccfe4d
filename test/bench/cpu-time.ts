/**
 * CPU seconds spent by this process's descendants (Linux /proc), so that a bench on the shared
 * 2-core machine can report throughput per CPU-second beside wall time: with other work
 * running, wall time stretches while the CPU a contender needs does not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** ppid and CPU seconds (user + system) of a live process from /proc/<pid>/stat. */
function stat(pid: number): { ppid: number; cpu: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name in parentheses may hold spaces: fields are counted after its closing bracket.
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / TICKS };
  } catch {
    return null; // ENOENT: the process ended between the listing and the read
  }
}

/**
 * CPU seconds of the live processes below `root` (not `root` itself): e.g. Chromium's
 * browser, renderer and utility processes started by this Node process.
 */
export function descendantsCpuSeconds(root = process.pid): number {
  const all = new Map<number, { ppid: number; cpu: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s) all.set(Number(name), s);
  }
  const below = new Set<number>([root]);
  let total = 0;
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, s] of all) {
      if (below.has(pid) || !below.has(s.ppid)) continue;
      below.add(pid);
      total += s.cpu;
      grew = true;
    }
  }
  return total;
}

/** CPU seconds of this process's children that have ended and been waited for. */
export function reapedChildrenCpuSeconds(): number {
  const s = readFileSync('/proc/self/stat', 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[13]) + Number(f[14])) / TICKS;
}

/** CPU seconds (user + system, all threads) of this process. */
export function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
