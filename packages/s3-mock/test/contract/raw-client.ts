/**
 * The contract suite's HTTP client: requests signed with @s3kit/sigv4 and sent over real sockets
 * with @s3kit/primitives' undici transport. Deliberately raw (no s3-core) so the suite checks the
 * wire, not a client library's reading of it.
 */
import { createUndiciTransport } from '@s3kit/primitives';
import type { HttpQuery, HttpRequest, HttpRequestBody } from '@s3kit/primitives';
import { createSigner } from '@s3kit/sigv4';
import type { Signer, StreamingSignOptions } from '@s3kit/sigv4';

/** Where the suite runs: an endpoint, keys and region, and which server it is. */
export interface ContractTarget {
  name: 'mock' | 'rgw';
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/** One request of a case. */
export interface RawRequestOptions {
  query?: HttpQuery;
  headers?: Record<string, string>;
  body?: HttpRequestBody;
  /** `header` (default), `none` (anonymous) or a signer with other credentials. */
  auth?: 'header' | 'none' | Signer;
  /** Signs with aws-chunked instead of a plain payload hash. */
  streaming?: Omit<StreamingSignOptions, 'signal'>;
}

/** A collected response. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
  text: string;
}

/** Percent-encodes a key for a path (segments kept). */
export const encodeKey = (key: string): string =>
  key
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');

/** `/bucket` or `/bucket/key` (encoded). */
export const pathOf = (bucket: string, key?: string): string => (key === undefined ? `/${bucket}` : `/${bucket}/${encodeKey(key)}`);

/** A raw S3 client for one target. */
export function createRawClient(target: ContractTarget) {
  const url = new URL(target.endpoint);
  const transport = createUndiciTransport();
  const signer = createSigner({ credentials: target, region: target.region, service: 's3' });
  const request = (method: string, path: string, o: RawRequestOptions = {}): HttpRequest => {
    const req: HttpRequest = { method, protocol: 'http:', hostname: url.hostname, path, headers: { ...o.headers } };
    if (url.port !== '') req.port = Number(url.port);
    if (o.query) req.query = o.query;
    if (o.body !== undefined) req.body = o.body;
    return req;
  };
  const deliver = async (req: HttpRequest): Promise<RawResponse> => {
    const res = await transport.send(req);
    const bytes = await res.body.bytes();
    return { status: res.statusCode, headers: res.headers, bytes, text: Buffer.from(bytes).toString('utf8') };
  };
  return {
    target,
    signer,
    request,
    deliver,
    /** Another signer for this target (other secret, other region). */
    signerWith: (secretAccessKey: string, accessKeyId = target.accessKeyId, region = target.region): Signer =>
      createSigner({ credentials: { accessKeyId, secretAccessKey }, region, service: 's3' }),
    async send(method: string, path: string, o: RawRequestOptions = {}): Promise<RawResponse> {
      const req = request(method, path, o);
      if (o.auth === 'none') return deliver(req);
      const s = o.auth === undefined || o.auth === 'header' ? signer : o.auth;
      return deliver(o.streaming ? await s.signStreaming(req, o.streaming) : await s.sign(req));
    },
    /** A presigned URL (optionally signed at another time). */
    async presign(method: string, path: string, o: { query?: HttpQuery; expiresIn?: number; signingDate?: Date } = {}): Promise<string> {
      const req = request(method, path, o.query ? { query: o.query } : {});
      const signed = await signer.presign(req, { expiresIn: o.expiresIn ?? 300, ...(o.signingDate ? { signingDate: o.signingDate } : {}) });
      return signed.url;
    },
    /** GETs a URL as is, unsigned. */
    async fetchUrl(href: string): Promise<RawResponse> {
      const u = new URL(href);
      const query: Record<string, string> = {};
      for (const [k, v] of u.searchParams) query[k] = v;
      return deliver(request('GET', u.pathname, { query }));
    },
    close: () => transport.close(),
  };
}

/** The client type. */
export type RawClient = ReturnType<typeof createRawClient>;
