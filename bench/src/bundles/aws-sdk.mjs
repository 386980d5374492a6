// The bundle-size program, AWS SDK v3: put, get and presign in a browser.
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export async function run({ endpoint, accessKeyId, secretAccessKey }) {
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } });
  await client.send(new PutObjectCommand({ Bucket: 'bench', Key: 'hello.txt', Body: 'hello' }));
  const got = await client.send(new GetObjectCommand({ Bucket: 'bench', Key: 'hello.txt' }));
  const text = await got.Body.transformToString();
  const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: 'bench', Key: 'hello.txt' }), { expiresIn: 60 });
  return { text, url };
}
