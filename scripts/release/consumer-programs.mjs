// The tiny programs the release rehearsal runs in a project that installed one package from the
// registry: each imports only that package, does one real thing with it (a socket where the package
// has one) and prints what it saw; any surprise throws, so the program exits non-zero.

const LOOPBACK_SERVER = `
import { createServer } from 'node:http';
import { once } from 'node:events';
async function serve(handler) {
  const server = createServer(handler).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { port: server.address().port, close: () => new Promise((r) => server.close(r)) };
}
`;

/** ESM source per package name, run with `node --input-type=module -e` in the consumer project. */
export const CONSUMER_PROGRAMS = {
  '@s3kit/primitives': `${LOOPBACK_SERVER}
import { createUndiciTransport } from '@s3kit/primitives';
const server = await serve((req, res) => res.end('pong'));
const transport = createUndiciTransport();
const res = await transport.send({ method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port: server.port, path: '/ping', headers: {} });
const text = await res.body.text();
await transport.close();
await server.close();
if (res.statusCode !== 200 || text !== 'pong') throw new Error('GET /ping answered ' + res.statusCode + ' ' + text);
console.log('undici transport: GET /ping over loopback -> 200 pong');
`,
  '@s3kit/sigv4': `
import { createSigner } from '@s3kit/sigv4';
const signer = createSigner({ credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }, region: 'us-east-1', service: 's3' });
const signed = await signer.sign({ method: 'GET', protocol: 'https:', hostname: 'examplebucket.s3.amazonaws.com', path: '/test.txt', headers: {} });
const auth = signed.headers.authorization ?? '';
const shape = /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\\/\\d{8}\\/us-east-1\\/s3\\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/.exec(auth);
if (!shape) throw new Error('the Authorization header does not have the SigV4 shape');
console.log('SigV4 header signing: GET signed over ' + shape[1]);
`,
  '@s3kit/s3-core': `${LOOPBACK_SERVER}
import { S3Client } from '@s3kit/s3-core';
const server = await serve((req, res) => {
  const signed = /^AWS4-HMAC-SHA256 Credential=test\\//.test(req.headers.authorization ?? '');
  if (req.method === 'GET' && req.url.startsWith('/photos/a.txt') && signed) {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5', etag: '"5d41402abc4b2a76b9719d911017c592"' });
    res.end('hello');
  } else {
    res.writeHead(403, { 'content-type': 'application/xml' });
    res.end('<Error><Code>AccessDenied</Code><Message>unexpected request</Message></Error>');
  }
});
const client = new S3Client({ endpoint: 'http://127.0.0.1:' + server.port, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
const out = await client.getObject({ Bucket: 'photos', Key: 'a.txt' });
const text = await out.Body.text();
await client.close();
await server.close();
if (text !== 'hello') throw new Error('GetObject returned ' + JSON.stringify(text));
console.log('S3Client: signed GetObject photos/a.txt over loopback -> "hello"');
`,
  '@s3kit/s3-transfer': `
import { keyToLocalPath } from '@s3kit/s3-transfer';
const inside = keyToLocalPath('/data', 'photos/2024/a.jpg', { prefix: 'photos/' });
const outside = keyToLocalPath('/data', '../etc/passwd');
if (!inside.ok || inside.path !== '/data/2024/a.jpg') throw new Error('photos/2024/a.jpg mapped to ' + JSON.stringify(inside));
if (outside.ok) throw new Error('../etc/passwd was allowed out of the target directory');
console.log('keyToLocalPath: photos/2024/a.jpg -> ' + inside.path + ', ../etc/passwd refused (' + outside.reason + ')');
`,
  '@s3kit/s3-mock': `
import { startS3MockServer } from '@s3kit/s3-mock';
const server = await startS3MockServer({ seed: { buckets: { photos: { objects: { 'a.txt': 'hi' } } } } });
const res = await fetch(server.endpoint + '/photos/a.txt');
const body = await res.text();
const stored = new TextDecoder().decode(server.mock.engine.getObject({ Bucket: 'photos', Key: 'a.txt' }).Body);
await server.stop();
const code = /<Code>([^<]+)<\\/Code>/.exec(body)?.[1];
if (res.status !== 403 || !code) throw new Error('an unsigned GET answered ' + res.status + ': ' + body.slice(0, 200));
if (stored !== 'hi') throw new Error('the seeded object reads ' + JSON.stringify(stored));
console.log('S3 mock server: unsigned GET refused (' + res.status + ' ' + code + '), seeded photos/a.txt reads "hi"');
`,
};
