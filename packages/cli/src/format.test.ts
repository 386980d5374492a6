import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatHumanSize, formatListingDate, formatRate, formatTable } from './format.js';

describe('format', () => {
  it('formats bytes, rates and durations', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(256 * 1024 * 1024)).toBe('256 MiB');
    expect(formatRate(1024 * 1024, 1000)).toBe('1.0 MiB/s');
    expect(formatRate(1, 0)).toBe('-');
    expect(formatDuration(850.4)).toBe('850 ms');
    expect(formatDuration(3210)).toBe('3.2 s');
  });

  it('prints --human-readable sizes as aws s3 ls does (Byte, Bytes, then one decimal, next unit at 1024)', () => {
    expect(formatHumanSize(0)).toBe('0 Bytes');
    expect(formatHumanSize(1)).toBe('1 Byte');
    expect(formatHumanSize(7)).toBe('7 Bytes');
    expect(formatHumanSize(1023)).toBe('1023 Bytes');
    expect(formatHumanSize(1024)).toBe('1.0 KiB');
    expect(formatHumanSize(1536)).toBe('1.5 KiB');
    expect(formatHumanSize(1024 * 1024 - 1)).toBe('1.0 MiB');
    expect(formatHumanSize(1024 * 1023)).toBe('1023.0 KiB');
    expect(formatHumanSize(5 * 1024 ** 3)).toBe('5.0 GiB');
    expect(formatHumanSize(2 * 1024 ** 7)).toBe('2048.0 EiB');
  });

  it('prints listing dates like the AWS CLI', () => {
    expect(formatListingDate(new Date(Date.UTC(2024, 4, 1, 13, 45, 12)))).toBe('2024-05-01 13:45:12');
    expect(formatListingDate(undefined)).toHaveLength(19);
  });

  it('aligns a table, numbers to the right', () => {
    expect(formatTable(['step', 'n'], [['upload', '12'], ['x', '3']])).toBe('step     n\n------  --\nupload  12\nx        3\n');
    expect(formatTable(['a'], [])).toBe('a\n-\n');
  });
});
