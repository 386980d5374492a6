// A minimal S3 look-alike with fixed responses, run in its own process so that only client CPU is
// measured in the benchmark process. It answers GET with a fixed body, HEAD with its headers, PUT
// with an ETag after draining the body, and counts requests and bytes received for the same-work
// checks. It checks no signatures: the client is what is measured, not the server.
import { createServer } from 'node:http';

const size = Number(process.env.BODY_SIZE ?? 1024);
const body = Buffer.alloc(size, 'x');
const stats = { requests: 0, bytesIn: 0, authorized: 0 };
const headers = {
  'content-type': 'application/octet-stream',
  'content-length': String(size),
  etag: '"0f343b0931126a20f133d67c2b018a3b"',
  'last-modified': 'Sun, 22 Nov 2026 12:00:00 GMT',
  'x-amz-request-id': '4442587FB7D0A2F9',
  'accept-ranges': 'bytes',
};
const server = createServer((req, res) => {
  stats.requests++;
  if (req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) stats.authorized++;
  if (req.url === '/__stats') {
    res.end(JSON.stringify(stats));
    return;
  }
  req.on('data', (c) => (stats.bytesIn += c.length));
  req.on('end', () => {
    if (req.method === 'PUT') {
      res.writeHead(200, { etag: headers.etag, 'content-length': '0', 'x-amz-request-id': '4442587FB7D0A2F9' });
      res.end();
    } else if (req.method === 'HEAD') {
      res.writeHead(200, headers);
      res.end();
    } else {
      res.writeHead(200, headers);
      res.end(body);
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('message', (m) => {
  if (m === 'stats') process.send?.({ stats: { ...stats } });
  if (m === 'stop') server.close(() => process.exit(0));
});
