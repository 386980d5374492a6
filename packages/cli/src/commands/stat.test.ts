import { describe, expect, it } from 'vitest';
import { mockContext } from '../test-support/context.js';
import { run, statLines } from './stat.js';

describe('s3kit stat', () => {
  it('prints HeadObject as aligned lines, and as its own JSON with --json', async () => {
    const { mock, ctx } = mockContext({ buckets: { photos: {} } });
    mock.engine.putObject({ Bucket: 'photos', Key: 'a.jpg', Body: new Uint8Array(2048), ContentType: 'image/jpeg', Metadata: { owner: 'me' } });
    expect(await run(['s3://photos/a.jpg'], ctx)).toBe(0);
    const lines = ctx.stdout.text.split('\n');
    expect(lines[0]).toBe('       Object: s3://photos/a.jpg');
    expect(lines).toContain('         Size: 2048 (2.0 KiB)');
    expect(lines).toContain(' Content type: image/jpeg');
    expect(lines).toContain('Storage class: STANDARD');
    expect(lines).toContain('     Metadata: owner=me');
    expect(ctx.stdout.text).toMatch(/Last modified: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);

    const json = mockContext().ctx;
    json.transport = ctx.transport!;
    expect(await run(['s3://photos/a.jpg', '--json'], json)).toBe(0);
    expect(JSON.parse(json.stdout.text)).toMatchObject({ Bucket: 'photos', Key: 'a.jpg', ContentLength: 2048, ContentType: 'image/jpeg', Metadata: { owner: 'me' } });
  });

  it('a missing object exits 254 naming HeadObject and the key', async () => {
    const { ctx } = mockContext({ buckets: { photos: {} } });
    expect(await run(['s3://photos/none.jpg'], ctx)).toBe(254);
    expect(ctx.stderr.text).toContain('HeadObject photos/none.jpg failed: NotFound (404)');
  });

  it('statLines shows the storage class S3 names and skips empty members', () => {
    expect(statLines('s3://b/k', { ContentLength: 1, StorageClass: 'GLACIER', ETag: '' })).toEqual(['       Object: s3://b/k', '         Size: 1 (1 Byte)', 'Storage class: GLACIER']);
  });
});
