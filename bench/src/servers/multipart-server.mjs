// Just enough of S3 multipart upload to be fast, in its own process: CreateMultipartUpload,
// UploadPart (drains the body and counts it; never hashes), CompleteMultipartUpload,
// AbortMultipartUpload and PutObject. No signature checks: the client is what is measured.
// For the same-work check it records, per upload, the payload bytes delivered: the decoded length
// of aws-chunked parts (x-amz-decoded-content-length) and the raw length of the others, and what
// the client sent (payload mode, checksum headers) so the report can say so.
import { createServer } from 'node:http';

let nextId = 1;
/** uploadId -> { key, parts: Map<partNumber, bytes>, raw, mode, checksum, completed } */
const uploads = new Map();
/** key -> summary of the last completed upload (or PutObject) of that key */
const done = new Map();
const stats = { requests: 0 };

function xml(res, body) {
  res.writeHead(200, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(body)), 'x-amz-request-id': 'BENCH' });
  res.end(body);
}

function describe(req) {
  const sha = req.headers['x-amz-content-sha256'] ?? 'none';
  const encoding = req.headers['content-encoding'] ?? '';
  const checksums = Object.keys(req.headers).filter((h) => h.startsWith('x-amz-checksum-') && h !== 'x-amz-checksum-type' && h !== 'x-amz-checksum-algorithm');
  const trailer = req.headers['x-amz-trailer'];
  return {
    mode: `${sha}${encoding.includes('aws-chunked') ? ' aws-chunked' : ''}`,
    checksum: checksums.length ? checksums.join(',') : trailer ? `trailer ${trailer}` : 'none',
  };
}

/** Payload bytes of a request body: decoded length when aws-chunked, else what arrived. */
function payloadBytes(req, raw) {
  const decoded = req.headers['x-amz-decoded-content-length'];
  return decoded === undefined ? raw : Number(decoded);
}

const server = createServer((req, res) => {
  stats.requests++;
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
  if (path === '/__stats') {
    res.end(JSON.stringify(stats));
    return;
  }
  if (path === '/__upload') {
    res.end(JSON.stringify(done.get(query.get('key')) ?? null));
    return;
  }
  let raw = 0;
  req.on('data', (c) => (raw += c.length));
  req.on('end', () => {
    const uploadId = query.get('uploadId');
    if (req.method === 'POST' && query.has('uploads')) {
      const id = `bench-upload-${nextId++}`;
      uploads.set(id, { key: path, parts: new Map(), raw: 0, ...describe(req), checksumType: req.headers['x-amz-checksum-type'] ?? '' });
      const [, bucket, ...key] = path.split('/');
      xml(res, `<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key.join('/')}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`);
    } else if (req.method === 'PUT' && uploadId !== null) {
      const upload = uploads.get(uploadId);
      if (!upload) {
        res.writeHead(404).end();
        return;
      }
      const part = Number(query.get('partNumber'));
      upload.parts.set(part, payloadBytes(req, raw));
      upload.raw += raw;
      if (part === 1) Object.assign(upload, describe(req));
      const headers = { etag: `"${part.toString(16).padStart(32, '0')}"`, 'content-length': '0' };
      // Echo a checksum header back as S3 does (values are not checked: the server never hashes).
      for (const h of Object.keys(req.headers)) if (h.startsWith('x-amz-checksum-') && h !== 'x-amz-checksum-algorithm') headers[h] = req.headers[h];
      res.writeHead(200, headers).end();
    } else if (req.method === 'POST' && uploadId !== null) {
      const upload = uploads.get(uploadId);
      if (!upload) {
        res.writeHead(404).end();
        return;
      }
      uploads.delete(uploadId);
      let bytes = 0;
      for (const n of upload.parts.values()) bytes += n;
      done.set(path, { uploadId, bytes, raw: upload.raw, parts: upload.parts.size, mode: upload.mode, checksum: upload.checksum });
      const [, bucket, ...key] = path.split('/');
      const sums = Object.keys(req.headers)
        .filter((h) => h.startsWith('x-amz-checksum-') && h !== 'x-amz-checksum-type')
        .map((h) => `<Checksum${h.slice('x-amz-checksum-'.length).toUpperCase()}>${req.headers[h]}</Checksum${h.slice('x-amz-checksum-'.length).toUpperCase()}>`)
        .join('');
      xml(res, `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUploadResult><Location>http://127.0.0.1${path}</Location><Bucket>${bucket}</Bucket><Key>${key.join('/')}</Key><ETag>"3858f62230ac3c915f300c664312c11f-${upload.parts.size}"</ETag>${sums}</CompleteMultipartUploadResult>`);
    } else if (req.method === 'DELETE' && uploadId !== null) {
      uploads.delete(uploadId);
      res.writeHead(204).end();
    } else if (req.method === 'PUT') {
      done.set(path, { uploadId: '', bytes: payloadBytes(req, raw), raw, parts: 0, ...describe(req) });
      res.writeHead(200, { etag: '"0f343b0931126a20f133d67c2b018a3b"', 'content-length': '0' }).end();
    } else if (req.method === 'GET' && query.has('uploads')) {
      // ListMultipartUploads (minio looks for an upload to resume): none.
      const bucket = path.split('/')[1];
      xml(res, `<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult><Bucket>${bucket}</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker><IsTruncated>false</IsTruncated></ListMultipartUploadsResult>`);
    } else if (req.method === 'HEAD' || req.method === 'GET') {
      // Bucket probes (minio's region lookup is skipped with a region; keep a cheap answer anyway).
      xml(res, '<?xml version="1.0" encoding="UTF-8"?><LocationConstraint>us-east-1</LocationConstraint>');
    } else {
      res.writeHead(400).end();
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('message', (m) => {
  if (m === 'stats') process.send?.({ stats: { ...stats } });
  if (m === 'stop') server.close(() => process.exit(0));
});
