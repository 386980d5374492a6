import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:http';

/** Result of one probe request. */
export interface ProbeResult {
  /** HTTP status code. */
  readonly status: number;
  /** Response body as UTF-8 (probes only read small bodies). */
  readonly body: string;
}

/** Credentials for {@link signedListBuckets}. */
export interface ProbeCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
}

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

/**
 * Sends `GET /` to an http:// endpoint with optional extra headers; resolves with status and body.
 * Rejects on socket errors or when `timeoutMs` passes.
 */
export function httpGetRoot(endpoint: string, headers: Record<string, string>, timeoutMs: number): Promise<ProbeResult> {
  const url = new URL('/', endpoint);
  return new Promise<ProbeResult>((resolve, reject) => {
    const req = request(url, { method: 'GET', headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }); });
      res.on('error', reject);
    });
    req.on('timeout', () => { req.destroy(new Error(`GET ${url.href} timed out after ${timeoutMs} ms`)); });
    req.on('error', reject);
    req.end();
  });
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/**
 * Headers that sign `GET /` (S3 ListBuckets) with AWS Signature Version 4.
 *
 * Deliberately tiny and independent of `@s3kit/sigv4`: the harness must prove the server accepts
 * a signed request without trusting the library under test. Only the three headers S3 needs are
 * signed; the payload is empty.
 */
export function signListBucketsHeaders(endpoint: string, creds: ProbeCredentials, now: Date): Record<string, string> {
  const host = new URL(endpoint).host;
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${creds.region}/s3/aws4_request`;
  const signedHeaders = 'host;x-amz-content-sha256;x-amz-date';
  const canonicalRequest = ['GET', '/', '', `host:${host}`, `x-amz-content-sha256:${EMPTY_SHA256}`, `x-amz-date:${amzDate}`, '', signedHeaders, EMPTY_SHA256].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest, 'utf8').digest('hex')].join('\n');
  let key = hmac(`AWS4${creds.secretAccessKey}`, day);
  for (const part of [creds.region, 's3', 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return {
    host,
    'x-amz-date': amzDate,
    'x-amz-content-sha256': EMPTY_SHA256,
    authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

/** Sends a SigV4-signed ListBuckets (`GET /`) and resolves with status and body. */
export function signedListBuckets(endpoint: string, creds: ProbeCredentials, timeoutMs: number): Promise<ProbeResult> {
  return httpGetRoot(endpoint, signListBucketsHeaders(endpoint, creds, new Date()), timeoutMs);
}
