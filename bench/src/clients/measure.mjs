// Times one run of a client's work and reads its memory: what every forked client reports.
import { peakRssMiB, rssMiB } from './memory.mjs';

/**
 * Runs `work` once: { ms, cpuMs, userMs, systemMs, maxRssMiB, baseRssMiB } plus what `work`
 * returned (baseRssMiB is the RSS just before it started; cpuMs is userMs + systemMs).
 */
export async function measureRun(work) {
  const baseRssMiB = rssMiB();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, userMs: cpu.user / 1000, systemMs: cpu.system / 1000, maxRssMiB: peakRssMiB(), baseRssMiB, ...result };
}
