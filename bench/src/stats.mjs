// Small statistics helpers for the benchmark runner.

/** Median of a non-empty numeric array. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Summary of one series: median, min, max and count. */
export function summarize(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

/** Percentile (0..100) by nearest rank. */
export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank];
}

/**
 * Runs `fn` repeatedly for about `ms` milliseconds (synchronous work), returning operations per
 * second and client CPU microseconds per operation.
 */
export function measureSync(fn, ms) {
  // Warm-up so JIT tiers settle before the clock starts.
  for (let i = 0; i < 200; i++) fn();
  let ops = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const deadline = t0 + BigInt(Math.round(ms * 1e6));
  let now = t0;
  while (now < deadline) {
    for (let i = 0; i < 100; i++) fn();
    ops += 100;
    now = process.hrtime.bigint();
  }
  const secs = Number(now - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { opsPerSec: ops / secs, cpuUsPerOp: (cpu.user + cpu.system) / ops };
}

/** Like {@link measureSync} for async work run one at a time. */
export async function measureAsync(fn, ms) {
  for (let i = 0; i < 50; i++) await fn();
  let ops = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const deadline = t0 + BigInt(Math.round(ms * 1e6));
  let now = t0;
  while (now < deadline) {
    for (let i = 0; i < 20; i++) await fn();
    ops += 20;
    now = process.hrtime.bigint();
  }
  const secs = Number(now - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { opsPerSec: ops / secs, cpuUsPerOp: (cpu.user + cpu.system) / ops };
}

/** Fisher-Yates shuffle with a seeded generator, so rounds interleave implementations fairly. */
export function shuffled(items, random) {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
