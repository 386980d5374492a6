// Serves one fixed object of OBJECT_SIZE bytes (the repeating pattern of clients/pattern.mjs,
// generated, not stored) at any key, in its own process: HEAD, GET and GET with a Range. What the
// object carries depends on its key, so one server (one set of bytes) serves every variant:
// - a key containing `crc32`: a multipart-style ETag and a full-object CRC32 (returned, as S3 does,
//   on HEAD and whole-object GET with `x-amz-checksum-mode: ENABLED`), as s3-transfer's uploads store;
// - a key containing `opaque`: an ETag that is no MD5 and no checksum (as under SSE-KMS): nothing
//   for a client to verify but the size;
// - any other key: the object's MD5 as its ETag (as S3 gives a single-PUT object) and no checksum.
// Counts bytes sent.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { crc32 } from 'node:zlib';
import { BLOCK, patternBlock } from '../clients/pattern.mjs';

const size = Number(process.env.OBJECT_SIZE);
const block = patternBlock();
const md5 = createHash('md5');
let crc = 0;
for (let o = 0; o < size; o += BLOCK) {
  const chunk = o + BLOCK <= size ? block : block.subarray(0, size - o);
  md5.update(chunk);
  crc = crc32(chunk, crc);
}
const md5Hex = md5.digest('hex');
const etag = `"${md5Hex}"`;
const crcBase64 = Buffer.from([crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff]).toString('base64');
// The ETag S3 gives a multipart upload (its value is never recomputed here: the checksum wins).
const multipartEtag = `"${createHash('md5').update(md5Hex).digest('hex')}-${Math.max(1, Math.ceil(size / (8 * 1024 * 1024)))}"`;
const opaqueEtag = '"bench-opaque-etag"';
const stats = { requests: 0, bytesOut: 0, ranged: 0 };
const common = { 'last-modified': 'Sun, 22 Nov 2026 12:00:00 GMT', 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream', 'x-amz-request-id': 'BENCH' };

/** Writes bytes [start, end) of the pattern with backpressure. */
function send(res, start, end) {
  let at = start;
  const pump = () => {
    while (at < end) {
      const off = at % BLOCK;
      const n = Math.min(BLOCK - off, end - at);
      at += n;
      stats.bytesOut += n;
      if (!res.write(block.subarray(off, off + n))) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

const server = createServer((req, res) => {
  stats.requests++;
  if (req.url === '/__stats') return void res.end(JSON.stringify(stats));
  req.resume();
  if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
  if (req.url.includes('partNumber=')) return void res.writeHead(400).end();
  const withCrc = req.url.includes('crc32');
  const tag = withCrc ? multipartEtag : req.url.includes('opaque') ? opaqueEtag : etag;
  const base = { ...common, etag: tag };
  const ifMatch = req.headers['if-match'];
  if (ifMatch !== undefined && ifMatch !== tag) return void res.writeHead(412).end();
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  if (range) {
    const start = Number(range[1]);
    const end = Math.min(size, range[2] === '' ? size : Number(range[2]) + 1);
    if (start >= size) return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
    stats.ranged++;
    res.writeHead(206, { ...base, 'content-length': String(end - start), 'content-range': `bytes ${start}-${end - 1}/${size}` });
    return req.method === 'HEAD' ? void res.end() : send(res, start, end);
  }
  const checksum = withCrc && req.headers['x-amz-checksum-mode'] === 'ENABLED' ? { 'x-amz-checksum-crc32': crcBase64, 'x-amz-checksum-type': 'FULL_OBJECT' } : {};
  res.writeHead(200, { ...base, ...checksum, 'content-length': String(size) });
  return req.method === 'HEAD' ? void res.end() : send(res, 0, size);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('message', (m) => {
  if (m === 'stats') process.send?.({ stats: { ...stats } });
  if (m === 'stop') server.close(() => process.exit(0));
});
