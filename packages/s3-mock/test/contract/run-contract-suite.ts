/**
 * Runs the contract cases against one target: one vitest test per case, unique bucket names per
 * run, and cleanup of everything the run created.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CONTRACT_CASES } from './cases.js';
import type { CaseContext, ContractCase } from './contract-case.js';
import { createRawClient, pathOf } from './raw-client.js';
import type { ContractTarget, RawClient } from './raw-client.js';
import { xmlBlocks, xmlText } from './xml.js';

async function emptyAndDelete(c: RawClient, bucket: string): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const list = await c.send('GET', pathOf(bucket), { query: { uploads: '' } });
    const uploads = xmlBlocks(list.text, 'Upload');
    for (const u of uploads) {
      await c.send('DELETE', pathOf(bucket, xmlText(u, 'Key')), { query: { uploadId: xmlText(u, 'UploadId') ?? '' } });
    }
    if (uploads.length === 0 || xmlText(list.text, 'IsTruncated') !== 'true') break;
  }
  for (let round = 0; round < 20; round++) {
    // Every version and delete marker, so versioned buckets empty too.
    const list = await c.send('GET', pathOf(bucket), { query: { versions: '', 'encoding-type': 'url' } });
    if (list.status === 404) return;
    const entries = [...xmlBlocks(list.text, 'Version'), ...xmlBlocks(list.text, 'DeleteMarker')];
    // encoding-type=url is form encoding: a space comes back as `+`.
    for (const e of entries) {
      const k = decodeURIComponent((xmlText(e, 'Key') ?? '').replace(/\+/g, ' '));
      await c.send('DELETE', pathOf(bucket, k), { query: { versionId: xmlText(e, 'VersionId') ?? 'null' } });
    }
    if (entries.length === 0) break;
  }
  await c.send('DELETE', pathOf(bucket));
}

function caseContext(c: RawClient, kase: ContractCase, index: number, bucket: string, created: string[], prefix: string, used: { difference: boolean }): CaseContext {
  const check = (): boolean => {
    if (!kase.rgw) throw new Error(`case "${kase.op}: ${kase.behaviour}" asks for an RGW value but records no difference`);
    used.difference = true;
    return c.target.name === 'rgw';
  };
  return {
    c,
    target: c.target.name,
    bucket,
    key: (name = 'k') => `c${index}/${name}`,
    newBucket: async () => {
      const name = `${prefix}-${created.length}`;
      created.push(name);
      const res = await c.send('PUT', pathOf(name));
      if (res.status !== 200) throw new Error(`CreateBucket ${name}: ${res.status} ${res.text}`);
      return name;
    },
    expected: (aws, rgw) => (check() ? rgw : aws),
    rgwDiffers: () => check(),
  };
}

/**
 * Declares the suite for a target (call at the top level of a test file).
 * @param getTarget called in `beforeAll`, so it may depend on a server started there
 */
export function runContractSuite(label: string, getTarget: () => ContractTarget): void {
  describe(`S3 contract: ${label}`, () => {
    let c: RawClient;
    const prefix = `s3kit-contract-${randomBytes(4).toString('hex')}`;
    const created: string[] = [];
    let bucket = '';
    beforeAll(async () => {
      c = createRawClient(getTarget());
      bucket = `${prefix}-shared`;
      const res = await c.send('PUT', pathOf(bucket));
      if (res.status !== 200) throw new Error(`CreateBucket ${bucket}: ${res.status} ${res.text}`);
      created.push(bucket);
    });
    afterAll(async () => {
      for (const b of created) await emptyAndDelete(c, b);
      await c.close();
    });
    CONTRACT_CASES.forEach((kase, index) => {
      it(`${kase.op}: ${kase.behaviour}`, async () => {
        const used = { difference: false };
        await kase.run(caseContext(c, kase, index, bucket, created, `${prefix}-c${index}`, used));
        if (kase.rgw && !used.difference) throw new Error('the recorded RGW difference is not used by the case');
      });
    });
  });
}
