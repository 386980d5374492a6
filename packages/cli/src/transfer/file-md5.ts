import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The MD5 of a file in hex (what S3 puts in the ETag of a single-part, unencrypted upload). */
export async function fileMd5(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
