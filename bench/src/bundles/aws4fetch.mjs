// The bundle-size program, aws4fetch: signing only (put and get are signed fetches, presign a signed
// query); no XML, retries, checksums or typed errors.
import { AwsClient } from 'aws4fetch';

export async function run({ endpoint, accessKeyId, secretAccessKey }) {
  const aws = new AwsClient({ accessKeyId, secretAccessKey, service: 's3', region: 'us-east-1' });
  const object = `${endpoint}/bench/hello.txt`;
  await aws.fetch(object, { method: 'PUT', body: 'hello' });
  const text = await (await aws.fetch(object)).text();
  const signed = await aws.sign(`${object}?X-Amz-Expires=60`, { aws: { signQuery: true } });
  return { text, url: signed.url };
}
