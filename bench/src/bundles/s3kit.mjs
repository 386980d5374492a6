// The bundle-size program, s3kit: put, get and presign in a browser.
import { S3Client, presignGetObject } from '@s3kit/s3-core';

export async function run({ endpoint, accessKeyId, secretAccessKey }) {
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } });
  await client.putObject({ Bucket: 'bench', Key: 'hello.txt', Body: 'hello' });
  const got = await client.getObject({ Bucket: 'bench', Key: 'hello.txt' });
  const text = await got.Body.text();
  const { url } = await presignGetObject(client, { Bucket: 'bench', Key: 'hello.txt' }, { expiresIn: 60 });
  return { text, url };
}
