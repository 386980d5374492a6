/** Contract cases: bucket versioning, version ids, delete markers, ListObjectVersions. */
import { expect } from 'vitest';
import type { ContractCase } from './contract-case.js';
import { expectError, expectOk } from './contract-case.js';
import { pathOf } from './raw-client.js';
import type { RawClient } from './raw-client.js';
import { xmlBlocks, xmlText } from './xml.js';

const versioning = (status: string): string =>
  `<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>${status}</Status></VersioningConfiguration>`;

async function versionedBucket(c: RawClient, newBucket: () => Promise<string>, status = 'Enabled'): Promise<string> {
  const b = await newBucket();
  expectOk(await c.send('PUT', pathOf(b), { query: { versioning: '' }, body: versioning(status) }));
  return b;
}

export const VERSIONING_CASES: readonly ContractCase[] = [
  {
    op: 'GetBucketVersioning',
    behaviour: 'no Status until configured; Enabled after PutBucketVersioning',
    async run({ c, newBucket }) {
      const b = await newBucket();
      const before = await c.send('GET', pathOf(b), { query: { versioning: '' } });
      expectOk(before);
      expect(xmlText(before.text, 'Status')).toBeUndefined();
      expectOk(await c.send('PUT', pathOf(b), { query: { versioning: '' }, body: versioning('Enabled') }));
      expect(xmlText((await c.send('GET', pathOf(b), { query: { versioning: '' } })).text, 'Status')).toBe('Enabled');
    },
  },
  {
    op: 'PutObject',
    behaviour: 'versioning enabled: each PUT a new x-amz-version-id; GET ?versionId reads an older one',
    async run({ c, newBucket }) {
      const b = await versionedBucket(c, newBucket);
      const v1 = (await c.send('PUT', pathOf(b, 'k'), { body: 'one' })).headers['x-amz-version-id'];
      const v2 = (await c.send('PUT', pathOf(b, 'k'), { body: 'two' })).headers['x-amz-version-id'];
      expect(v1).toMatch(/\S/);
      expect(v2).not.toBe(v1);
      const old = await c.send('GET', pathOf(b, 'k'), { query: { versionId: v1! } });
      expect([old.text, old.headers['x-amz-version-id']]).toEqual(['one', v1]);
      expect((await c.send('GET', pathOf(b, 'k'))).text).toBe('two');
    },
  },
  {
    op: 'ListObjectVersions',
    behaviour: 'versions newest first with IsLatest; delete markers listed among them',
    async run({ c, newBucket }) {
      const b = await versionedBucket(c, newBucket);
      const v1 = (await c.send('PUT', pathOf(b, 'k'), { body: 'one' })).headers['x-amz-version-id'];
      const v2 = (await c.send('PUT', pathOf(b, 'k'), { body: 'two' })).headers['x-amz-version-id'];
      const del = await c.send('DELETE', pathOf(b, 'k'));
      const list = await c.send('GET', pathOf(b), { query: { versions: '' } });
      expectOk(list);
      expect(xmlBlocks(list.text, 'Version').map((v) => [xmlText(v, 'VersionId'), xmlText(v, 'IsLatest')])).toEqual([[v2, 'false'], [v1, 'false']]);
      expect(xmlBlocks(list.text, 'DeleteMarker').map((m) => [xmlText(m, 'VersionId'), xmlText(m, 'IsLatest')])).toEqual([[del.headers['x-amz-version-id'], 'true']]);
    },
  },
  {
    op: 'DeleteObject',
    behaviour: 'versioned: writes a delete marker; GET 404 names it; GET of the marker 405; deleting the marker restores',
    rgw: { aws: 'the GET 404 carries x-amz-delete-marker: true; GET ?versionId=<marker> is 405 MethodNotAllowed', rgw: 'no x-amz-delete-marker on the 404; GET of the marker is 404 NoSuchKey' },
    async run({ c, newBucket, expected }) {
      const b = await versionedBucket(c, newBucket);
      await c.send('PUT', pathOf(b, 'k'), { body: 'one' });
      const del = await c.send('DELETE', pathOf(b, 'k'));
      expectOk(del, 204);
      const marker = del.headers['x-amz-version-id']!;
      expect(del.headers['x-amz-delete-marker']).toBe('true');
      const gone = await c.send('GET', pathOf(b, 'k'));
      expectError(gone, 404, 'NoSuchKey');
      expect(gone.headers['x-amz-delete-marker']).toBe(expected('true', undefined));
      expectError(await c.send('GET', pathOf(b, 'k'), { query: { versionId: marker } }), ...expected<[number, string]>([405, 'MethodNotAllowed'], [404, 'NoSuchKey']));
      expectOk(await c.send('DELETE', pathOf(b, 'k'), { query: { versionId: marker } }), 204);
      expect((await c.send('GET', pathOf(b, 'k'))).text).toBe('one');
    },
  },
  {
    op: 'PutObject',
    behaviour: 'versioning suspended: the PUT has no version id, HEAD shows the null version',
    rgw: { aws: 'HEAD sends x-amz-version-id: null', rgw: 'HEAD sends no x-amz-version-id' },
    async run({ c, newBucket, expected }) {
      const b = await versionedBucket(c, newBucket, 'Suspended');
      const put = await c.send('PUT', pathOf(b, 'k'), { body: 'x' });
      expectOk(put);
      expect(put.headers['x-amz-version-id']).toBeUndefined();
      expect((await c.send('HEAD', pathOf(b, 'k'))).headers['x-amz-version-id']).toBe(expected('null', undefined));
    },
  },
  {
    op: 'CopyObject',
    behaviour: 'copies a named source version; x-amz-copy-source-version-id names it',
    rgw: { aws: 'x-amz-copy-source-version-id names the version copied', rgw: 'no x-amz-copy-source-version-id header' },
    async run({ c, newBucket, expected }) {
      const b = await versionedBucket(c, newBucket);
      const v1 = (await c.send('PUT', pathOf(b, 'src'), { body: 'old' })).headers['x-amz-version-id']!;
      await c.send('PUT', pathOf(b, 'src'), { body: 'new' });
      const copy = await c.send('PUT', pathOf(b, 'dst'), { headers: { 'x-amz-copy-source': `/${b}/src?versionId=${encodeURIComponent(v1)}` } });
      expectOk(copy);
      expect(copy.headers['x-amz-copy-source-version-id']).toBe(expected(v1, undefined));
      expect((await c.send('GET', pathOf(b, 'dst'))).text).toBe('old');
    },
  },
];
