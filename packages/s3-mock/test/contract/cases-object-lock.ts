/** Contract cases: object lock (retention and legal hold). */
import { expect } from 'vitest';
import type { ContractCase } from './contract-case.js';
import { expectError, expectOk } from './contract-case.js';
import { pathOf } from './raw-client.js';
import type { RawClient } from './raw-client.js';
import { xmlText } from './xml.js';

async function lockedBucket(c: RawClient, newBucket: () => Promise<string>): Promise<string> {
  const b = await newBucket();
  // Re-create it with object lock: newBucket() made a plain one.
  expectOk(await c.send('DELETE', pathOf(b)), 204);
  expectOk(await c.send('PUT', pathOf(b), { headers: { 'x-amz-bucket-object-lock-enabled': 'true' } }));
  return b;
}

export const OBJECT_LOCK_CASES: readonly ContractCase[] = [
  {
    op: 'CreateBucket',
    behaviour: 'x-amz-bucket-object-lock-enabled: object lock on, versioning enabled',
    async run({ c, newBucket }) {
      const b = await lockedBucket(c, newBucket);
      const lock = await c.send('GET', pathOf(b), { query: { 'object-lock': '' } });
      expectOk(lock);
      expect(xmlText(lock.text, 'ObjectLockEnabled')).toBe('Enabled');
      expect(xmlText((await c.send('GET', pathOf(b), { query: { versioning: '' } })).text, 'Status')).toBe('Enabled');
    },
  },
  {
    op: 'DeleteObject',
    behaviour: 'a version under GOVERNANCE retention: 403 AccessDenied, deleted with x-amz-bypass-governance-retention',
    async run({ c, newBucket }) {
      const b = await lockedBucket(c, newBucket);
      const until = new Date(Date.now() + 86_400_000).toISOString();
      const put = await c.send('PUT', pathOf(b, 'k'), { body: 'x', headers: { 'x-amz-object-lock-mode': 'GOVERNANCE', 'x-amz-object-lock-retain-until-date': until } });
      expectOk(put);
      const v = put.headers['x-amz-version-id']!;
      expect((await c.send('HEAD', pathOf(b, 'k'))).headers['x-amz-object-lock-mode']).toBe('GOVERNANCE');
      expectError(await c.send('DELETE', pathOf(b, 'k'), { query: { versionId: v } }), 403, 'AccessDenied');
      expectOk(await c.send('DELETE', pathOf(b, 'k'), { query: { versionId: v }, headers: { 'x-amz-bypass-governance-retention': 'true' } }), 204);
    },
  },
  {
    op: 'PutObjectLegalHold',
    behaviour: 'legal hold ON: the version cannot be deleted; OFF: it can',
    async run({ c, newBucket }) {
      const b = await lockedBucket(c, newBucket);
      const v = (await c.send('PUT', pathOf(b, 'k'), { body: 'x' })).headers['x-amz-version-id']!;
      const hold = (status: string) => `<LegalHold xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>${status}</Status></LegalHold>`;
      expectOk(await c.send('PUT', pathOf(b, 'k'), { query: { 'legal-hold': '', versionId: v }, body: hold('ON')}));
      expectError(await c.send('DELETE', pathOf(b, 'k'), { query: { versionId: v } }), 403, 'AccessDenied');
      expectOk(await c.send('PUT', pathOf(b, 'k'), { query: { 'legal-hold': '', versionId: v }, body: hold('OFF') }));
      expectOk(await c.send('DELETE', pathOf(b, 'k'), { query: { versionId: v } }), 204);
    },
  },
];
