// Scenario 8d: what a five-operation program costs once bundled (esbuild, minified, Node ESM):
// s3kit through the client with every method (S3Client), s3kit through S3BaseClient.send with the
// five operations imported one by one (the tree-shakeable path), and @aws-sdk/client-s3 with its
// five commands. The bench's own @s3kit packages are the workspace's built dist.
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { summarize } from '../stats.mjs';

const benchDir = resolve(import.meta.dirname, '../..');
const creds = `{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }`;
const OPTIONS = `{ region: 'us-east-1', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true, credentials: ${creds} }`;

/** The same program three ways: put, get, head, list, delete one object. */
export const PROGRAMS = {
  'methods': `import { S3Client } from '@s3kit/s3-core';
const c = new S3Client(${OPTIONS});
await c.putObject({ Bucket: 'b', Key: 'k', Body: 'x' });
await (await c.getObject({ Bucket: 'b', Key: 'k' })).Body.text();
await c.headObject({ Bucket: 'b', Key: 'k' });
await c.listObjectsV2({ Bucket: 'b' });
await c.deleteObject({ Bucket: 'b', Key: 'k' });`,
  'send': `import { S3BaseClient, PutObject, GetObject, HeadObject, ListObjectsV2, DeleteObject } from '@s3kit/s3-core';
const c = new S3BaseClient(${OPTIONS});
await c.send(PutObject, { Bucket: 'b', Key: 'k', Body: 'x' });
await (await c.send(GetObject, { Bucket: 'b', Key: 'k' })).Body.text();
await c.send(HeadObject, { Bucket: 'b', Key: 'k' });
await c.send(ListObjectsV2, { Bucket: 'b' });
await c.send(DeleteObject, { Bucket: 'b', Key: 'k' });`,
  'sdk': `import { S3Client, PutObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, DeleteObjectCommand } from '@aws-sdk/client-s3';
const c = new S3Client(${OPTIONS});
await c.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' }));
await (await c.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }))).Body.transformToString();
await c.send(new HeadObjectCommand({ Bucket: 'b', Key: 'k' }));
await c.send(new ListObjectsV2Command({ Bucket: 'b' }));
await c.send(new DeleteObjectCommand({ Bucket: 'b', Key: 'k' }));`,
};
const LABELS = {
  methods: 's3kit: S3Client with every method',
  send: 's3kit: S3BaseClient.send, five operations imported',
  sdk: '@aws-sdk/client-s3: five commands',
};

/** Bytes of `source` bundled and minified for Node (dependencies included), and gzipped. */
export async function bundleBytes(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: benchDir, sourcefile: 'program.mjs', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The repository's tsconfig maps workspace packages to their sources (and #platform/* to the
    // Node variants); a consumer's build resolves the built packages through their exports.
    tsconfigRaw: {},
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { bytes: code.byteLength, gzip: gzipSync(code).byteLength };
}

export const operationBundleSize = {
  id: 'bundle-five-operations',
  targets: {},
  async run() {
    const rows = [];
    const notes = [];
    for (const [impl, source] of Object.entries(PROGRAMS)) {
      const { bytes, gzip } = await bundleBytes(source);
      rows.push({ impl: impl === 'sdk' ? 'sdk' : impl === 'methods' ? 's3kit-methods' : 's3kit', label: LABELS[impl], stats: summarize([bytes / 1e3]) });
      notes.push(`${LABELS[impl]}: ${(bytes / 1e3).toFixed(1)} kB minified, ${(gzip / 1e3).toFixed(1)} kB gzipped.`);
    }
    notes.push(
      'Before issue 11 (commit a0f309e, 24 operations, no S3BaseClient), measured once with the same esbuild settings: the S3Client program was 189.1 kB minified, 62.1 kB gzipped.',
    );
    return {
      id: 'bundle-five-operations',
      title: '8d. Bundle size of a five-operation program (esbuild, minified)',
      description:
        'Kilobytes of one esbuild bundle (minified, Node ESM, dependencies included) of a program that puts, gets, heads, lists and deletes an object; lower is better. ' +
        'undici and fast-xml-parser are in every s3kit bundle; the SDK bundles its own HTTP handler and XML parser.',
      unit: 'kB',
      higherIsBetter: false,
      ours: 's3kit',
      noFloor: 'a bundle of signing alone is in 9b (aws4fetch); this scenario compares whole clients.',
      rows,
      notes,
    };
  },
};
