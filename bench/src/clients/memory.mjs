// RSS of a forked client process. `process.resourceUsage().maxRSS` (getrusage) is no use here: on
// Linux a child started by fork+exec inherits its parent's high-water mark, so a client forked
// while the bench runner held a 1 GiB buffer reported 1 GiB. /proc/self/status VmHWM belongs to
// the process's own address space and starts afresh at exec.
import { readFileSync } from 'node:fs';

const MiB = 1024 * 1024;

/** Current RSS in MiB. */
export function rssMiB() {
  return process.memoryUsage().rss / MiB;
}

/** Peak RSS of this process in MiB (VmHWM where /proc exists, else getrusage's maxRSS). */
export function peakRssMiB() {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
