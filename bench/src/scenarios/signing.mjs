// Scenario 1: SigV4 header signing and presigning of the same S3 GetObject request, on one core,
// s3kit vs @smithy/signature-v4, aws4, aws4fetch, minio's signer, @aws-sdk/s3-request-presigner,
// and a raw-crypto floor (one SHA-256 of a canonical request + one HMAC with a cached key).
import { createHash, createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { Hash } from '@smithy/hash-node';
import { HttpRequest as SmithyRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { AwsV4Signer } from 'aws4fetch';
import { presignSignatureV4, signV4 } from 'minio/dist/esm/signing.mjs';
import { createSigner } from '@s3kit/sigv4';
import { createSeededRandom } from '@s3kit/primitives';
import { measureAsync, measureSync, shuffled, summarize } from '../stats.mjs';

const aws4 = createRequire(import.meta.url)('aws4');

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const region = 'us-east-1';
const hostname = 'examplebucket.s3.us-east-1.amazonaws.com';
const path = '/photos/2026/11/holiday%20snap.jpg';
const date = new Date('2026-11-22T12:00:00Z');
const amzDate = '20261122T120000Z';
const expiresIn = 900;

const signatureOf = (authorization) => /Signature=([0-9a-f]{64})/.exec(authorization)?.[1];
const querySignatureOf = (url) => /[?&]X-Amz-Signature=([0-9a-f]{64})/.exec(url)?.[1];

/**
 * The floor of one signature: one SHA-256 of the canonical request and one HMAC of the string to
 * sign with a cached signing key, nothing else.
 */
function rawCryptoFloor(canonical) {
  const floorKey = createHmac('sha256', 'k').update('x').digest();
  const scope = `20261122/${region}/s3/aws4_request`;
  return {
    impl: 'floor',
    label: 'raw crypto floor (SHA-256 + HMAC, cached key)',
    floor: true,
    sync: () => {
      const h = createHash('sha256').update(canonical).digest('hex');
      return createHmac('sha256', floorKey).update(`AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${h}`).digest('hex');
    },
  };
}

/** Header-signing implementations: each returns the hex signature it produced. */
function headerImpls() {
  const ours = createSigner({ credentials, region, service: 's3' });
  const ourRequest = { method: 'GET', protocol: 'https:', hostname, path, headers: {} };
  const smithy = new SignatureV4({ credentials, region, service: 's3', sha256: Hash.bind(null, 'sha256'), uriEscapePath: false, applyChecksum: true });
  const canonical = `GET\n${path}\n\nhost:${hostname}\nx-amz-content-sha256:${EMPTY_SHA256}\nx-amz-date:${amzDate}\n\nhost;x-amz-content-sha256;x-amz-date\n${EMPTY_SHA256}`;
  const aws4fetchCache = new Map();
  return [
    { impl: 's3kit', label: 's3kit signSync', sync: () => signatureOf(ours.signSync(ourRequest, { signingDate: date, payloadHash: EMPTY_SHA256 }).headers.authorization) },
    {
      impl: 's3kit-async',
      label: 's3kit sign (async)',
      async: async () => signatureOf((await ours.sign(ourRequest, { signingDate: date, payloadHash: EMPTY_SHA256 })).headers.authorization),
    },
    {
      impl: 'smithy',
      label: '@smithy/signature-v4',
      async: async () => {
        const req = new SmithyRequest({ method: 'GET', protocol: 'https:', hostname, path, headers: { host: hostname, 'x-amz-content-sha256': EMPTY_SHA256 } });
        return signatureOf((await smithy.sign(req, { signingDate: date })).headers.authorization);
      },
    },
    {
      impl: 'aws4',
      label: 'aws4',
      sync: () =>
        signatureOf(
          aws4.sign({ host: hostname, path, method: 'GET', service: 's3', region, headers: { 'X-Amz-Date': amzDate, 'X-Amz-Content-Sha256': EMPTY_SHA256 } }, credentials).headers
            .Authorization,
        ),
    },
    {
      impl: 'aws4fetch',
      label: 'aws4fetch',
      async: async () => {
        const signer = new AwsV4Signer({
          url: `https://${hostname}${path}`,
          method: 'GET',
          headers: { 'x-amz-content-sha256': EMPTY_SHA256 },
          ...credentials,
          service: 's3',
          region,
          datetime: amzDate,
          cache: aws4fetchCache,
        });
        return signatureOf((await signer.sign()).headers.get('authorization'));
      },
    },
    {
      impl: 'minio',
      label: 'minio signV4',
      sync: () =>
        signatureOf(
          signV4({ method: 'GET', path, headers: { host: hostname, 'x-amz-date': amzDate, 'x-amz-content-sha256': EMPTY_SHA256 } }, credentials.accessKeyId, credentials.secretAccessKey, region, date, EMPTY_SHA256, 's3'),
        ),
    },
    rawCryptoFloor(canonical),
  ];
}

/** Presigning implementations: each returns the hex signature it produced. */
function presignImpls() {
  const ours = createSigner({ credentials, region, service: 's3' });
  const ourRequest = { method: 'GET', protocol: 'https:', hostname, path, headers: {} };
  const smithy = new SignatureV4({ credentials, region, service: 's3', sha256: Hash.bind(null, 'sha256'), uriEscapePath: false });
  const presigner = new S3RequestPresigner({ credentials, region, sha256: Hash.bind(null, 'sha256') });
  const smithyRequest = () => new SmithyRequest({ method: 'GET', protocol: 'https:', hostname, path, headers: { host: hostname } });
  const querySig = (req) => req.query['X-Amz-Signature'];
  const canonical =
    `GET\n${path}\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credentials.accessKeyId}%2F20261122%2F${region}%2Fs3%2Faws4_request&X-Amz-Date=${amzDate}` +
    `&X-Amz-Expires=${expiresIn}&X-Amz-SignedHeaders=host\nhost:${hostname}\n\nhost\nUNSIGNED-PAYLOAD`;
  return [
    { impl: 's3kit', label: 's3kit presignSync', sync: () => querySignatureOf(ours.presignSync(ourRequest, { signingDate: date, expiresIn }).url) },
    {
      impl: 'smithy',
      label: '@smithy/signature-v4 presign',
      // Without the S3 presigner's help smithy signs the empty-body hash, not UNSIGNED-PAYLOAD.
      reference: () => querySignatureOf(ours.presignSync(ourRequest, { signingDate: date, expiresIn, payloadHash: EMPTY_SHA256 }).url),
      async: async () => querySig(await smithy.presign(smithyRequest(), { signingDate: date, expiresIn })),
    },
    {
      impl: 'presigner',
      label: '@aws-sdk/s3-request-presigner',
      // The AWS presigner hoists X-Amz-Content-Sha256=UNSIGNED-PAYLOAD into the query: same URL plus that parameter.
      reference: () =>
        querySignatureOf(ours.presignSync({ ...ourRequest, query: { 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' } }, { signingDate: date, expiresIn }).url),
      async: async () => querySig(await presigner.presign(smithyRequest(), { signingDate: date, expiresIn })),
    },
    {
      impl: 'aws4',
      label: 'aws4 (signQuery)',
      sync: () => {
        const signed = aws4.sign({ host: hostname, path: `${path}?X-Amz-Date=${amzDate}&X-Amz-Expires=${expiresIn}`, method: 'GET', service: 's3', region, signQuery: true }, credentials);
        return querySignatureOf(signed.path);
      },
    },
    rawCryptoFloor(canonical),
    {
      impl: 'minio',
      label: 'minio presignSignatureV4',
      sync: () => querySignatureOf(presignSignatureV4({ method: 'GET', path, headers: { host: hostname } }, credentials.accessKeyId, credentials.secretAccessKey, undefined, region, date, expiresIn)),
    },
  ];
}

const SIZES = { full: { rounds: 5, ms: 1000 }, quick: { rounds: 3, ms: 250 }, tiny: { rounds: 1, ms: 5 } };

async function measure(impls, size, reference) {
  const { rounds, ms } = SIZES[size];
  const notes = [];
  // Same work first: every implementation must produce the reference signature.
  const usable = [];
  for (const impl of impls) {
    const sig = impl.sync ? impl.sync() : await impl.async();
    const expected = impl.reference ? impl.reference() : reference;
    if (impl.floor || sig === expected) usable.push(impl);
    else notes.push(`${impl.label} produced a different signature (${sig ?? 'none'}); left out of the comparison.`);
  }
  const series = new Map(usable.map((i) => [i.impl, { ops: [], cpu: [] }]));
  const random = createSeededRandom(7);
  for (let r = 0; r < rounds; r++) {
    for (const impl of shuffled(usable, random)) {
      const m = impl.sync ? measureSync(impl.sync, ms) : await measureAsync(impl.async, ms);
      series.get(impl.impl).ops.push(m.opsPerSec);
      series.get(impl.impl).cpu.push(m.cpuUsPerOp);
    }
  }
  const rows = usable.map((i) => {
    const s = series.get(i.impl);
    return { impl: i.impl, label: i.label, floor: Boolean(i.floor), stats: summarize(s.ops), cpuUsPerOp: summarize(s.cpu).median };
  });
  return { rows, notes };
}

/** Header signing of one S3 GetObject. */
export const headerSigning = {
  id: 'sigv4-header',
  targets: { smithy: 5, aws4: 2.5 },
  async run({ size }) {
    const impls = headerImpls();
    const reference = impls[0].sync();
    const { rows, notes } = await measure(impls, size, reference);
    return {
      id: 'sigv4-header',
      title: '1a. SigV4 header signing (S3 GetObject, one core)',
      description: 'Each implementation signs the same request at the same instant with a warm signing-key cache; all produced the same signature before timing started.',
      unit: 'signatures/s',
      higherIsBetter: true,
      ours: 's3kit',
      rows,
      notes: [...notes, `Target: >= 150,000 signatures/s per core with a cached key: ${rows[0].stats.median >= 150_000 ? 'met' : 'NOT met'} (${Math.round(rows[0].stats.median).toLocaleString('en-US')}).`],
    };
  },
};

/** Presigning of one S3 GetObject URL. */
export const presigning = {
  id: 'sigv4-presign',
  targets: { smithy: 5, aws4: 2.5, presigner: 5 },
  async run({ size }) {
    const impls = presignImpls();
    const reference = impls[0].sync();
    const { rows, notes } = await measure(impls, size, reference);
    return {
      id: 'sigv4-presign',
      title: '1b. SigV4 presigning (S3 GetObject URL, 900 s, one core)',
      description: 'Same request, same instant, same expiry; all produced the same X-Amz-Signature before timing started.',
      unit: 'URLs/s',
      higherIsBetter: true,
      ours: 's3kit',
      rows,
      notes,
    };
  },
};
