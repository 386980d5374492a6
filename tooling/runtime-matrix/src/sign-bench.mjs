// Header signing throughput inside one runtime: s3kit's signSync and sign (async), and aws4fetch
// (WebCrypto, async), signing the same S3 GetObject at the same instant with a warm key cache.
// workerd only advances its clock at I/O, so every timed batch ends with a zero-delay timer.
import { AwsV4Signer } from 'aws4fetch';
import { CRYPTO_BACKEND, createSigner } from '@s3kit/sigv4';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const hostname = 'examplebucket.s3.us-east-1.amazonaws.com';
const path = '/photos/2026/11/holiday%20snap.jpg';
const date = new Date('2026-11-22T12:00:00Z');
const signatureOf = (authorization) => /Signature=([0-9a-f]{64})/.exec(authorization)?.[1];

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs `fn` in batches for about `ms` of this runtime's clock; operations per second. */
async function rate(fn, ms) {
  let batch = 64;
  let ops = 0;
  await tick();
  const started = Date.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < batch; i++) await fn();
    ops += batch;
    await tick();
    elapsed = Date.now() - started;
    if (elapsed < ms / 10) batch *= 2;
  }
  return (ops / elapsed) * 1000;
}

/**
 * @param {{ ms: number, rounds: number }} input
 * @returns {Promise<{ crypto: string, rows: { impl: string, opsPerSec: number[] }[] }>}
 */
export async function runSignBench({ ms, rounds }) {
  const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
  const request = { method: 'GET', protocol: 'https:', hostname, path, headers: {} };
  const cache = new Map();
  const impls = {
    's3kit-sync': () => signatureOf(signer.signSync(request, { signingDate: date, payloadHash: EMPTY_SHA256 }).headers.authorization),
    's3kit-async': async () => signatureOf((await signer.sign(request, { signingDate: date, payloadHash: EMPTY_SHA256 })).headers.authorization),
    aws4fetch: async () => {
      const v4 = new AwsV4Signer({ url: `https://${hostname}${path}`, method: 'GET', headers: { 'x-amz-content-sha256': EMPTY_SHA256 }, ...credentials, service: 's3', region: 'us-east-1', datetime: '20261122T120000Z', cache });
      return signatureOf((await v4.sign()).headers.get('authorization'));
    },
  };
  // Same work: every implementation must produce the same signature before timing.
  const reference = impls['s3kit-sync']();
  for (const [name, fn] of Object.entries(impls)) {
    const sig = await fn();
    if (sig !== reference) throw new Error(`${name} signed ${sig}, not ${reference}`);
  }
  const rows = Object.keys(impls).map((impl) => ({ impl, opsPerSec: [] }));
  for (let r = 0; r < rounds; r++) {
    for (const row of r % 2 === 0 ? rows : [...rows].reverse()) row.opsPerSec.push(await rate(impls[row.impl], ms));
  }
  return { crypto: CRYPTO_BACKEND, rows };
}
