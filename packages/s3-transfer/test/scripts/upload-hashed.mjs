// A user's script that uploads with a slow checksum (hashed on the pool's worker threads) and ends
// without closing anything but the client: idle hashing workers must not keep it alive. Reads
// S3_ENDPOINT and ALGORITHM from the environment; prints one JSON line.
import { S3Client } from '@s3kit/s3-core';
import { createTransferManager } from '@s3kit/s3-transfer';

const client = new S3Client({ endpoint: process.env.S3_ENDPOINT, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
const MiB = 1024 * 1024;
const tm = createTransferManager({ client, partSize: 2 * MiB, minPartSize: MiB, multipartThreshold: MiB, checksumAlgorithm: process.env.ALGORITHM });
const data = new Uint8Array(7 * MiB).map((_, i) => (i * 7) % 253);
try {
  const up = await tm.upload({ Bucket: 'scripts', Key: 'hashed.bin', Body: data });
  console.log(JSON.stringify({ parts: up.parts, checksum: up.checksum }));
} finally {
  await client.close();
}
