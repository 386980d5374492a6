// A user's script in the main().catch() style: upload, then download, through whatever the server
// throws at it. Reads S3_ENDPOINT and BANDWIDTH (bytes/s) from the environment; prints one JSON line.
import { createHash } from 'node:crypto';
import { S3Client } from '@s3kit/s3-core';
import { createTransferManager } from '@s3kit/s3-transfer';

async function main() {
  const client = new S3Client({ endpoint: process.env.S3_ENDPOINT, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  try {
    const tm = createTransferManager({ client, partSize: 1024 * 1024, minPartSize: 1024 * 1024, multipartThreshold: 1024 * 1024, bandwidthLimit: Number(process.env.BANDWIDTH) });
    const data = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    const up = await tm.upload({ Bucket: 'scripts', Key: 'main.bin', Body: data });
    const { Body } = await client.getObject({ Bucket: 'scripts', Key: 'main.bin' });
    const sha256 = createHash('sha256').update(await Body.bytes()).digest('hex');
    console.log(JSON.stringify({ parts: up.parts, sha256 }));
  } finally {
    await client.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
