// A user's script in the top-level-await style: upload, then download, through whatever the server
// throws at it. Reads S3_ENDPOINT and BANDWIDTH (bytes/s) from the environment; prints one JSON line.
import { createHash } from 'node:crypto';
import { S3Client } from '@s3kit/s3-core';
import { createTransferManager } from '@s3kit/s3-transfer';

const client = new S3Client({ endpoint: process.env.S3_ENDPOINT, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
const tm = createTransferManager({ client, partSize: 1024 * 1024, minPartSize: 1024 * 1024, multipartThreshold: 1024 * 1024, bandwidthLimit: Number(process.env.BANDWIDTH) });
const data = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
const up = await tm.upload({ Bucket: 'scripts', Key: 'tla.bin', Body: data });
const chunks = [];
const { Body } = await client.getObject({ Bucket: 'scripts', Key: 'tla.bin' });
for await (const chunk of Body) chunks.push(chunk);
const sha256 = createHash('sha256').update(Buffer.concat(chunks)).digest('hex');
console.log(JSON.stringify({ parts: up.parts, sha256 }));
await client.close();
