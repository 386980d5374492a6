/**
 * The AWS CLI's names for operations and members: `GetBucketCors` is `get-bucket-cors`,
 * `ContentMD5` is `content-md5`, `ChecksumCRC32C` is `checksum-crc32-c` (botocore's `xform_name`,
 * so every flag is spelled as `aws s3api` spells it).
 */
export function kebabName(name: string): string {
  let text = name;
  // A trailing plural acronym (`ARNs`, `ACLs`) stays one word.
  const plural = /[A-Z]{3,}s$/.exec(text);
  if (plural !== null) text = `${text.slice(0, -plural[0].length)}-${plural[0].toLowerCase()}`;
  return text
    .replace(/(.)([A-Z][a-z]+)/g, '$1-$2')
    .replace(/([a-z])([0-9]+)/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}
