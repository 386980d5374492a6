// The smoke suite every runtime of the matrix runs, over the built packages, against the s3-mock HTTP
// server on loopback. Plain JavaScript so Node, Bun, Deno, workerd and Chromium load the same file
// (workerd and Chromium through an esbuild bundle of it). It never throws: each step reports ok or
// its error, so one failing step does not hide the others.
import { DEFAULT_TRANSPORT } from '@s3kit/primitives';
import { CRYPTO_BACKEND, createSigner } from '@s3kit/sigv4';
import { S3Client, paginateListObjectsV2, presignGetObject } from '@s3kit/s3-core';
import { createTransferManager } from '@s3kit/s3-transfer';
import { createS3Mock } from '@s3kit/s3-mock';

const KiB = 1024;

/** Deterministic bytes (no randomness: the same object in every runtime and run). */
function pattern(size, seed) {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function sameBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** The request of an S3 API Reference example (as sigv4's own suite builds it). */
function exampleRequest(example) {
  const { method, path, query_string: qs, headers_to_sign: toSign, body } = example.inputs;
  const headers = {};
  for (const [k, v] of Object.entries(toSign)) if (k !== 'x-amz-date' && k !== 'x-amz-content-sha256') headers[k] = v;
  const request = { method, protocol: 'https:', hostname: toSign.host, path, headers };
  if (qs) request.query = Object.fromEntries(qs.split('&').map((p) => p.split('=')));
  if (body.type === 'utf8') request.body = body.value;
  return request;
}

async function signVectors(vectors) {
  for (const example of vectors.headers) {
    const { credentials, region, service } = example.inputs;
    const signer = createSigner({ credentials: { accessKeyId: credentials.access_key_id, secretAccessKey: credentials.secret_access_key }, region, service });
    const expected = example.expected.authorization;
    const request = exampleRequest(example);
    const viaSync = signer.signSync(request, { signingDate: vectors.date }).headers.authorization.replace(/, /g, ',');
    const viaAsync = (await signer.sign(request, { signingDate: vectors.date })).headers.authorization.replace(/, /g, ',');
    check(viaSync === expected, `${example.file}: signSync gave ${viaSync}`);
    check(viaAsync === expected, `${example.file}: sign gave ${viaAsync}`);
  }
  const chunked = vectors.chunked;
  const { credentials, region, service } = chunked.inputs;
  const signer = createSigner({ credentials: { accessKeyId: credentials.access_key_id, secretAccessKey: credentials.secret_access_key }, region, service });
  const signed = await signer.signStreaming(
    { method: 'PUT', protocol: 'https:', hostname: chunked.inputs.host, path: chunked.inputs.path, headers: { 'x-amz-storage-class': 'REDUCED_REDUNDANCY' }, body: new Uint8Array(66560).fill(0x61) },
    { mode: 'signed', decodedContentLength: 66560, signingDate: vectors.date },
  );
  check(signed.headers.authorization === chunked.expected.seed.authorization, `chunked seed: ${signed.headers.authorization}`);
  let text = '';
  for await (const piece of signed.body) text += new TextDecoder('latin1').decode(piece);
  for (const chunk of chunked.expected.chunks) check(text.includes(`chunk-signature=${chunk.signature}`), `chunk signature ${chunk.signature} missing`);
  return `${vectors.headers.length} header examples (signSync and sign) and ${chunked.expected.chunks.length} chunk signatures`;
}

/**
 * Runs every step and reports each one.
 * @param {{ endpoint: string, bucket: string, vectors: object, partSize: number }} input
 * @returns {Promise<{ runtime: object, steps: { name: string, ok: boolean, detail: string, ms: number }[] }>}
 */
export async function runSmokeSuite(input) {
  const { endpoint, bucket, vectors, partSize } = input;
  const steps = [];
  const step = async (name, fn) => {
    const started = Date.now();
    try {
      const detail = await fn();
      steps.push({ name, ok: true, detail: detail ?? '', ms: Date.now() - started });
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}${error.code ? ` ${error.code}` : ''}: ${error.message}` : String(error);
      steps.push({ name, ok: false, detail, ms: Date.now() - started });
    }
  };
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const tm = createTransferManager({ client, partSize, minPartSize: partSize, multipartThreshold: partSize, concurrency: 4 });

  await step('sign: shared vectors', () => signVectors(vectors));

  await step('put/get/head', async () => {
    await client.createBucket({ Bucket: bucket });
    await client.putObject({ Bucket: bucket, Key: 'hello.txt', Body: 'hello from every runtime', ContentType: 'text/plain' });
    const got = await client.getObject({ Bucket: bucket, Key: 'hello.txt' });
    const text = await got.Body.text();
    check(text === 'hello from every runtime', `GetObject gave ${text}`);
    const head = await client.headObject({ Bucket: bucket, Key: 'hello.txt' });
    check(head.ContentLength === 24 && head.ContentType === 'text/plain', `HeadObject gave ${head.ContentLength} ${head.ContentType}`);
    return `ETag ${got.ETag}`;
  });

  await step('list with pagination', async () => {
    for (let i = 0; i < 5; i++) await client.putObject({ Bucket: bucket, Key: `page/${i}.txt`, Body: `object ${i}` });
    const keys = [];
    let pages = 0;
    for await (const page of paginateListObjectsV2(client, { Bucket: bucket, Prefix: 'page/', MaxKeys: 2 })) {
      pages++;
      for (const object of page.Contents ?? []) keys.push(object.Key);
    }
    check(pages === 3 && keys.join() === 'page/0.txt,page/1.txt,page/2.txt,page/3.txt,page/4.txt', `${pages} pages: ${keys.join()}`);
    return `${keys.length} keys in ${pages} pages`;
  });

  await step('delete-objects', async () => {
    const out = await client.deleteObjects({ Bucket: bucket, Delete: { Objects: [0, 1, 2, 3, 4].map((i) => ({ Key: `page/${i}.txt` })) } });
    check((out.Deleted ?? []).length === 5 && (out.Errors ?? []).length === 0, `Deleted ${(out.Deleted ?? []).length}, Errors ${(out.Errors ?? []).length}`);
    const left = await client.listObjectsV2({ Bucket: bucket, Prefix: 'page/' });
    check((left.Contents ?? []).length === 0, 'objects left after DeleteObjects');
    return '5 deleted';
  });

  await step('presigned GET with plain fetch', async () => {
    const { url } = await presignGetObject(client, { Bucket: bucket, Key: 'hello.txt' }, { expiresIn: 300 });
    const res = await fetch(url);
    const text = await res.text();
    check(res.status === 200 && text === 'hello from every runtime', `fetch gave ${res.status} ${text.slice(0, 200)}`);
    return 'status 200';
  });

  const size = partSize * 4 + 1234;
  const data = pattern(size, 14);
  await step('multipart upload with progress', async () => {
    const reports = [];
    const body = typeof Blob === 'function' ? new Blob([data]) : data;
    const result = await tm.upload({ Bucket: bucket, Key: 'multipart.bin', Body: body }, { onProgress: (p) => reports.push(p.loadedBytes) });
    check(reports.length > 0 && reports.at(-1) === size, `progress ended at ${reports.at(-1)} of ${size}`);
    for (let i = 1; i < reports.length; i++) check(reports[i] >= reports[i - 1], 'progress went backwards');
    const got = await client.getObject({ Bucket: bucket, Key: 'multipart.bin' });
    check(sameBytes(await got.Body.bytes(), data), 'downloaded bytes differ');
    check(/-5"?$/.test(result.ETag ?? ''), `ETag ${result.ETag} is not a 5-part ETag`);
    return `${reports.length} progress reports, ETag ${result.ETag}`;
  });

  await step('aborted multipart upload leaves no upload behind', async () => {
    const controller = new AbortController();
    let error;
    try {
      await tm.upload({ Bucket: bucket, Key: 'aborted.bin', Body: pattern(partSize * 6, 7) }, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.loadedBytes > 0) controller.abort();
        },
      });
    } catch (err) {
      error = err;
    }
    check(error?.code === 'ERR_ABORTED', `upload ended with ${error?.code ?? 'success'}`);
    const uploads = await client.listMultipartUploads({ Bucket: bucket });
    check((uploads.Uploads ?? []).length === 0, `${(uploads.Uploads ?? []).length} multipart uploads left`);
    const head = await client.headObject({ Bucket: bucket, Key: 'aborted.bin' }).catch((err) => err);
    check(head?.code === 'NotFound' || head?.statusCode === 404, 'the aborted object exists');
    return 'ERR_ABORTED, no upload left';
  });

  await step('ranged parallel download', async () => {
    const chunks = [];
    const to = new WritableStream({
      write(chunk) {
        chunks.push(chunk);
      },
    });
    const result = await tm.download({ Bucket: bucket, Key: 'multipart.bin' }, { to, partSize, concurrency: 4 });
    let total = 0;
    for (const c of chunks) total += c.byteLength;
    const joined = new Uint8Array(total);
    let offset = 0;
    for (const c of chunks) {
      joined.set(c, offset);
      offset += c.byteLength;
    }
    check(sameBytes(joined, data), `downloaded ${total} bytes that differ from the ${size} uploaded`);
    // The upload stored a FULL_OBJECT CRC32, so HeadObject (checksum mode) must report it; a browser
    // once answered that HEAD from its HTTP cache with the headers of the earlier plain GET.
    check(result.verifiedBy === 'checksum', `verified by ${result.verifiedBy}, not the object's CRC32`);
    return `${Math.ceil(size / partSize)} ranges, verified by ${result.verifiedBy}`;
  });

  await step('retries a reset and a SlowDown; a stalled answer times out', async () => {
    // The harness armed faults on this bucket's `faulty/` keys: the first GET of `faulty/reset` loses
    // its connection, the first of `faulty/slow` gets 503 SlowDown, `faulty/stall` is answered after
    // 5 s. The first two succeed on s3kit's second attempt, the third fails at its deadline. A browser
    // resends a request whose reused keep-alive socket was reset by itself, so there the reset may
    // never reach s3kit (one attempt).
    const browser = globalThis.navigator?.userAgent?.startsWith('Mozilla/') === true;
    for (const key of ['faulty/reset', 'faulty/slow', 'faulty/stall']) await client.putObject({ Bucket: bucket, Key: key, Body: key });
    const attempts = [];
    for (const key of ['faulty/reset', 'faulty/slow']) {
      const got = await client.getObject({ Bucket: bucket, Key: key });
      const expected = key === 'faulty/reset' && browser ? [1, 2] : [2];
      check((await got.Body.text()) === key && expected.includes(got.$metadata.attempts), `${key}: ${got.$metadata.attempts} attempts`);
      attempts.push(got.$metadata.attempts);
    }
    const started = Date.now();
    const stalled = await client.getObject({ Bucket: bucket, Key: 'faulty/stall' }, { timeoutMs: 400 }).catch((err) => err);
    check(stalled?.code === 'ERR_TIMEOUT' && stalled.phase === 'total', `stalled GET ended with ${stalled?.code ?? 'success'}`);
    return `reset: ${attempts[0]} attempts, SlowDown: ${attempts[1]}; stall: ERR_TIMEOUT after ${Date.now() - started} ms`;
  });

  await step('s3-mock in-process transport', async () => {
    // The mock itself runs in this runtime: engine, protocol and signature checks, no server.
    const mock = createS3Mock({ minPartSize: partSize });
    const local = new S3Client({ region: 'us-east-1', endpoint: 'http://mock.invalid', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, transport: mock.transport });
    await local.createBucket({ Bucket: 'local' });
    const localTm = createTransferManager({ client: local, partSize, minPartSize: partSize, multipartThreshold: partSize });
    const uploaded = await localTm.upload({ Bucket: 'local', Key: 'parts.bin', Body: data });
    const got = await local.getObject({ Bucket: 'local', Key: 'parts.bin' });
    check(sameBytes(await got.Body.bytes(), data), 'in-process object differs');
    const listed = await local.listObjectsV2({ Bucket: 'local' });
    check(listed.KeyCount === 1, `listed ${listed.KeyCount} keys`);
    const refused = await new S3Client({ region: 'us-east-1', endpoint: 'http://mock.invalid', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'wrong' }, transport: mock.transport, retry: { maxAttempts: 1 } })
      .headObject({ Bucket: 'local', Key: 'parts.bin' })
      .catch((err) => err);
    check(refused?.statusCode === 403, `a wrong secret got ${refused?.statusCode ?? 'through'}`);
    return `multipart ETag ${uploaded.ETag}, signatures checked (wrong secret: 403)`;
  });

  await client.close?.();
  return { runtime: { transport: DEFAULT_TRANSPORT, crypto: CRYPTO_BACKEND }, steps };
}
