// Serves one fixed object of OBJECT_SIZE bytes (the repeating pattern of clients/pattern.mjs,
// generated, not stored) at any key, in its own process: HEAD, GET and GET with a Range, with an
// ETag. The ETag is the object's MD5 (as S3 gives a single-part object) and no checksum is returned:
// s3kit checks the MD5 only when the object fits one range, so above the part size every client
// does the same work: fetch and write the bytes. Counts bytes sent.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { BLOCK, patternBlock } from '../clients/pattern.mjs';

const size = Number(process.env.OBJECT_SIZE);
const block = patternBlock();
const md5 = createHash('md5');
for (let o = 0; o < size; o += BLOCK) md5.update(o + BLOCK <= size ? block : block.subarray(0, size - o));
const etag = `"${md5.digest('hex')}"`;
const stats = { requests: 0, bytesOut: 0, ranged: 0 };
const base = { etag, 'last-modified': 'Sun, 22 Nov 2026 12:00:00 GMT', 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream', 'x-amz-request-id': 'BENCH' };

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
  const ifMatch = req.headers['if-match'];
  if (ifMatch !== undefined && ifMatch !== etag) return void res.writeHead(412).end();
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  if (range) {
    const start = Number(range[1]);
    const end = Math.min(size, range[2] === '' ? size : Number(range[2]) + 1);
    if (start >= size) return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
    stats.ranged++;
    res.writeHead(206, { ...base, 'content-length': String(end - start), 'content-range': `bytes ${start}-${end - 1}/${size}` });
    return req.method === 'HEAD' ? void res.end() : send(res, start, end);
  }
  res.writeHead(200, { ...base, 'content-length': String(size) });
  return req.method === 'HEAD' ? void res.end() : send(res, 0, size);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('message', (m) => {
  if (m === 'stats') process.send?.({ stats: { ...stats } });
  if (m === 'stop') server.close(() => process.exit(0));
});
