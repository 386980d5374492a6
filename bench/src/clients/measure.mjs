// Times one run of a client's work and reads its memory: what every forked client reports.
import { readFileSync } from 'node:fs';
import { peakRssMiB, rssMiB } from './memory.mjs';

/** CPU ms of the main thread alone (Linux /proc, 10 ms ticks); undefined elsewhere. */
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` once: { ms, cpuMs, userMs, systemMs, mainCpuMs, maxRssMiB, baseRssMiB } plus what
 * `work` returned (baseRssMiB is the RSS just before it started; cpuMs = userMs + systemMs counts
 * every thread of the process, mainCpuMs only the main thread, where Linux says).
 */
export async function measureRun(work) {
  const baseRssMiB = rssMiB();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpuMs();
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const main1 = mainThreadCpuMs();
  const mainCpuMs = main0 === undefined || main1 === undefined ? undefined : main1 - main0;
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, userMs: cpu.user / 1000, systemMs: cpu.system / 1000, mainCpuMs, maxRssMiB: peakRssMiB(), baseRssMiB, ...result };
}
