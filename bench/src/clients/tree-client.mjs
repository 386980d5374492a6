// One directory-scale point of s3kit in its own process (forked by scenarios/scaling-tree.mjs), so
// its peak RSS is its own. argv[2] is JSON { kind: 'upload' | 'plan', port, root, Bucket }:
//   upload: TransferManager.uploadDirectory of the tree (16 files in flight);
//   plan:   TransferManager.planSync (upload) of the tree against the bucket, over HTTP.
// It answers over IPC with { ms, cpuMs, maxRssMiB, baseRssMiB, files, actions }.
import { S3Client } from '@s3kit/s3-core';
import { createTransferManager } from '@s3kit/s3-transfer';
import { measureRun } from './measure.mjs';

const o = JSON.parse(process.argv[2]);
const client = new S3Client({ endpoint: `http://127.0.0.1:${o.port}`, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, forcePathStyle: true });
const tm = createTransferManager({ client });
const run = {
  upload: async () => {
    const r = await tm.uploadDirectory({ localDir: o.root, Bucket: o.Bucket, fileConcurrency: 16 });
    if (r.failed.length) throw new Error(`${r.failed.length} files failed: ${String(r.failed[0].error)}`);
    return { files: r.uploaded.length, actions: r.uploaded.length };
  },
  plan: async () => {
    const plan = await tm.planSync({ direction: 'upload', localDir: o.root, Bucket: o.Bucket });
    return { files: plan.unchanged + plan.actions.length, actions: plan.actions.length };
  },
}[o.kind];

const message = await measureRun(run);
await client.close();
process.send(message, () => process.exit(0));
