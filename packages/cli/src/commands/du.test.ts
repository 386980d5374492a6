import { describe, expect, it } from 'vitest';
import { mockContext } from '../test-support/context.js';
import { run } from './du.js';

describe('s3kit du', () => {
  it('adds up size and count under a prefix, by storage class', async () => {
    const { mock, ctx } = mockContext({ buckets: { backups: {} } });
    mock.engine.putObject({ Bucket: 'backups', Key: '2024/a', Body: new Uint8Array(1000) });
    mock.engine.putObject({ Bucket: 'backups', Key: '2024/b', Body: new Uint8Array(24) });
    mock.engine.putObject({ Bucket: 'backups', Key: '2024/c', Body: new Uint8Array(2048), StorageClass: 'GLACIER' });
    mock.engine.putObject({ Bucket: 'backups', Key: '2025/d', Body: new Uint8Array(7) });
    expect(await run(['s3://backups/2024/', '--human-readable'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe(
      ['     2.0 KiB         1 objects  GLACIER', '     1.0 KiB         2 objects  STANDARD', '     3.0 KiB         3 objects  s3://backups/2024/ (total)', ''].join('\n'),
    );
    const json = mockContext().ctx;
    json.transport = ctx.transport!;
    expect(await run(['s3://backups', '--json'], json)).toBe(0);
    expect(JSON.parse(json.stdout.text)).toEqual({
      bucket: 'backups',
      prefix: '',
      objects: 4,
      bytes: 3079,
      byStorageClass: { STANDARD: { objects: 3, bytes: 1031 }, GLACIER: { objects: 1, bytes: 2048 } },
    });
  });

  it('an empty prefix is zero, not an error', async () => {
    const { ctx } = mockContext({ buckets: { empty: {} } });
    expect(await run(['s3://empty/none/'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe('           0         0 objects  s3://empty/none/ (total)\n');
  });
});
