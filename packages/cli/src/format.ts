const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** `1536` -> `1.5 KiB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value >= 100 ? 0 : 1)} ${UNITS[unit]}`;
}

const HUMAN_UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/**
 * A size as `aws s3 ls --human-readable` prints it: `1 Byte`, `7 Bytes`, then one decimal in
 * binary units (`1.0 KiB`, `3.5 MiB`), moving to the next unit once the value would round to 1024.
 */
export function formatHumanSize(bytes: number): string {
  if (bytes === 1) return '1 Byte';
  if (bytes < 1024) return `${bytes} Bytes`;
  for (let i = 0; i < HUMAN_UNITS.length; i++) {
    const value = bytes / 1024 ** (i + 1);
    if (Math.round(value) < 1024 || i === HUMAN_UNITS.length - 1) return `${value.toFixed(1)} ${HUMAN_UNITS[i]!}`;
  }
  return `${bytes} Bytes`;
}

/** Bytes over milliseconds as `12.3 MiB/s` (`-` when no time elapsed). */
export function formatRate(bytes: number, ms: number): string {
  if (ms <= 0) return '-';
  return `${formatBytes((bytes * 1000) / ms)}/s`;
}

/** Milliseconds as `850 ms` or `3.2 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A date as the AWS CLI prints it in listings: `2024-05-01 13:45:12` (UTC). */
export function formatListingDate(date: Date | undefined): string {
  if (date === undefined) return '                   ';
  return date.toISOString().replace('T', ' ').slice(0, 19);
}

/** Renders rows as an aligned text table; numeric-looking cells are right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[\d.,]+(?:\s\S+)?$|^-$/.test(r[i] ?? '')));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (numeric[i] === true ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}
