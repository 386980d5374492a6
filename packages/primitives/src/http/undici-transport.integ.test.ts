import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo, Server as NetServer, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAbortError, isNetworkError, isTimeoutError, isValidationError } from '../errors/errors.js';
import type { HttpRequest, HttpTransport } from './http.js';
import { createUndiciTransport, mapUndiciError } from './undici-transport.js';

let server: Server;
let port: number;
const seen: string[] = [];

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  seen.push(url);
  const path = url.split('?')[0];
  if (path?.startsWith('/echo')) {
    const body = await readAll(req);
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-multi', ['a', 'b']);
    res.end(
      JSON.stringify({
        method: req.method,
        url,
        headers: req.headers,
        body: body.toString('utf8'),
        port: req.socket.remotePort,
      }),
    );
    return;
  }
  if (path === '/head') {
    res.writeHead(200, { 'content-length': '1234', 'x-kind': 'head' });
    res.end(req.method === 'HEAD' ? undefined : 'x'.repeat(1234));
    return;
  }
  if (path === '/big') {
    const size = Number(new URL(url, 'http://x').searchParams.get('size') ?? '1000');
    res.writeHead(200, { 'content-length': String(size) });
    res.end(Buffer.alloc(size, 97));
    return;
  }
  if (path === '/stall-headers') {
    await readAll(req);
    return; // never answers; the socket is closed by closeAllConnections at the end
  }
  if (path === '/stall-body') {
    res.writeHead(200, { 'content-length': '1000' });
    res.write('first-chunk');
    return; // never finishes
  }
  if (path === '/reset-mid-body') {
    res.writeHead(200, { 'content-length': '100000' });
    res.write(Buffer.alloc(10, 98), () => {
      setTimeout(() => req.socket.destroy(), 10);
    });
    return;
  }
  res.statusCode = 404;
  res.end();
}

beforeAll(async () => {
  server = createHttpServer((req, res) => {
    handle(req, res).catch(() => {
      res.destroy(); // the client went away mid-request (abort and failure tests do that on purpose)
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => { resolve(); }));
});

function req(path: string, extra: Partial<HttpRequest> = {}): HttpRequest {
  return { method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port, path, headers: {}, ...extra };
}

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  port: number;
}

async function echo(transport: HttpTransport, extra: Partial<HttpRequest> = {}): Promise<Echo> {
  const res = await transport.send(req('/echo', extra));
  expect(res.statusCode).toBe(200);
  return JSON.parse(await res.body.text()) as Echo;
}

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) {
    await Promise.resolve();
    yield new TextEncoder().encode(part);
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('createUndiciTransport', () => {
  const transport = createUndiciTransport({ connections: 4 });
  afterAll(() => transport.close());

  it('sends a GET with query and headers and reads a JSON body', async () => {
    const res = await transport.send(req('/echo', { query: { a: '1 2', list: '' }, headers: { 'x-custom': 'v1' } }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-multi']).toBe('a, b');
    const got = JSON.parse(await res.body.text()) as Echo;
    expect(got.method).toBe('GET');
    expect(got.url).toBe('/echo?a=1%202&list=');
    expect(got.headers['x-custom']).toBe('v1');
  });

  it('keeps the path as given, dot segments included', async () => {
    const got = await echo(transport, { path: '/echo/../echo/a%20b' });
    expect(got.url).toBe('/echo/../echo/a%20b');
  });

  it('PUTs a byte body with its content-length', async () => {
    const got = await echo(transport, { method: 'PUT', body: new TextEncoder().encode('hello bytes') });
    expect(got.body).toBe('hello bytes');
    expect(got.headers['content-length']).toBe('11');
  });

  it('PUTs a string body', async () => {
    const got = await echo(transport, { method: 'PUT', body: 'héllo' });
    expect(got.body).toBe('héllo');
    expect(got.headers['content-length']).toBe('6');
  });

  it('streams an async iterable body chunked when no content-length is set', async () => {
    const got = await echo(transport, { method: 'PUT', body: chunks('a', 'bc', 'def') });
    expect(got.body).toBe('abcdef');
    expect(got.headers['transfer-encoding']).toBe('chunked');
  });

  it('streams an async iterable body with the caller-set content-length', async () => {
    const got = await echo(transport, { method: 'PUT', headers: { 'content-length': '6' }, body: chunks('abc', 'def') });
    expect(got.body).toBe('abcdef');
    expect(got.headers['content-length']).toBe('6');
    expect(got.headers['transfer-encoding']).toBeUndefined();
  });

  it('rethrows the original error of a failing request body stream', async () => {
    const boom = new Error('disk went away');
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array([1, 2, 3]);
      await Promise.resolve();
      throw boom;
    }
    const err = await rejection(transport.send(req('/echo', { method: 'PUT', body: failing() })));
    expect(err).toBe(boom);
  });

  it('rejects a streamed body shorter than its content-length with ValidationError', async () => {
    const err = await rejection(transport.send(req('/echo', { method: 'PUT', headers: { 'content-length': '10' }, body: chunks('abc') })));
    expect(isValidationError(err)).toBe(true);
    expect(err).toMatchObject({ field: 'headers["content-length"]' });
  });

  it('rejects a header value undici refuses with ValidationError', async () => {
    const err = await rejection(transport.send(req('/echo', { headers: { 'x-bad': 'a\r\nb' } })));
    expect(isValidationError(err)).toBe(true);
  });

  it('gives HEAD responses an empty body and keeps their headers', async () => {
    const res = await transport.send(req('/head', { method: 'HEAD' }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe('1234');
    expect(res.headers['x-kind']).toBe('head');
    expect((await res.body.bytes()).byteLength).toBe(0);
  });

  it('iterates the body as chunks', async () => {
    const res = await transport.send(req('/big', { query: { size: '300000' } }));
    let total = 0;
    for await (const chunk of res.body) total += chunk.byteLength;
    expect(total).toBe(300000);
  });

  it('reuses a keep-alive connection for sequential requests', async () => {
    const single = createUndiciTransport({ connections: 1 });
    try {
      const ports = new Set<number>();
      for (let i = 0; i < 4; i++) ports.add((await echo(single)).port);
      expect(ports.size).toBe(1);
    } finally {
      await single.close();
    }
  });

  it('dump() of a small body returns the socket to the pool', async () => {
    const single = createUndiciTransport({ connections: 1 });
    try {
      const first = await echo(single);
      const res = await single.send(req('/big', { query: { size: '1000' } }));
      await res.body.dump();
      await res.body.dump(); // idempotent
      const next = await echo(single);
      expect(next.port).toBe(first.port);
    } finally {
      await single.close();
    }
  });

  it('dump() of a large body frees the only connection for the next request', async () => {
    const single = createUndiciTransport({ connections: 1 });
    try {
      const res = await single.send(req('/big', { query: { size: String(4 * 1024 * 1024) } }));
      await res.body.dump();
      const next = await echo(single);
      expect(next.method).toBe('GET');
    } finally {
      await single.close();
    }
  });

  it('maps a headers timeout to TimeoutError phase headers', async () => {
    const t = createUndiciTransport({ headersTimeoutMs: 50 });
    try {
      const err = await rejection(t.send(req('/stall-headers')));
      expect(isTimeoutError(err)).toBe(true);
      expect(err).toMatchObject({ phase: 'headers', retryable: true });
      expect((err as Error).cause).toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
    } finally {
      await t.close();
    }
  });

  it('maps a body timeout while the caller reads to TimeoutError phase body', async () => {
    const t = createUndiciTransport({ bodyTimeoutMs: 50 });
    try {
      const res = await t.send(req('/stall-body'));
      expect(res.statusCode).toBe(200);
      const err = await rejection(res.body.text());
      expect(isTimeoutError(err)).toBe(true);
      expect(err).toMatchObject({ phase: 'body' });
    } finally {
      await t.close();
    }
  });

  it('maps a connect timeout (TLS handshake never answered) to TimeoutError phase connect', async () => {
    const sockets: Socket[] = [];
    const silent: NetServer = createNetServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const t = createUndiciTransport({ connectTimeoutMs: 50 });
    try {
      const silentPort = (silent.address() as AddressInfo).port;
      const err = await rejection(t.send({ ...req('/'), protocol: 'https:', port: silentPort }));
      expect(isTimeoutError(err)).toBe(true);
      expect(err).toMatchObject({ phase: 'connect' });
    } finally {
      await t.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => { resolve(); }));
    }
  });

  it('maps connection refused to a retryable NetworkError with errno', async () => {
    const probe = createNetServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => { resolve(); }));
    const err = await rejection(transport.send({ ...req('/'), port: closedPort }));
    expect(isNetworkError(err)).toBe(true);
    expect(err).toMatchObject({ retryable: true, details: { errno: 'ECONNREFUSED' } });
  });

  it('maps a reset in the middle of the body to NetworkError when reading', async () => {
    const res = await transport.send(req('/reset-mid-body'));
    expect(res.statusCode).toBe(200);
    const err = await rejection(res.body.bytes());
    expect(isNetworkError(err)).toBe(true);
    expect(err).toMatchObject({ retryable: true });
    expect((err as { details: { errno: string } }).details.errno).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);
  });

  it('rejects with AbortError without sending when the signal is already aborted', async () => {
    const before = seen.length;
    const controller = new AbortController();
    controller.abort();
    const err = await rejection(transport.send(req('/echo'), { signal: controller.signal }));
    expect(isAbortError(err)).toBe(true);
    expect(seen.length).toBe(before);
  });

  it('rejects with AbortError when aborted while waiting for headers', async () => {
    const controller = new AbortController();
    const before = seen.length;
    const pending = transport.send(req('/stall-headers'), { signal: controller.signal });
    while (seen.length === before) await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('user gave up'));
    const err = await rejection(pending);
    expect(isAbortError(err)).toBe(true);
  });

  it('rejects the body read with AbortError when aborted while reading', async () => {
    const controller = new AbortController();
    const res = await transport.send(req('/stall-body'), { signal: controller.signal });
    const iterator = res.body[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    controller.abort();
    const err = await rejection(iterator.next());
    expect(isAbortError(err)).toBe(true);
  });

  it('refuses to send after close()', async () => {
    const t = createUndiciTransport();
    await echo(t);
    await t.close();
    const err = await rejection(t.send(req('/echo')));
    expect(isNetworkError(err)).toBe(true);
    expect(err).toMatchObject({ retryable: false });
  });
});

describe('mapUndiciError', () => {
  it('passes unknown errors through unchanged', () => {
    const err = new RangeError('x');
    expect(mapUndiciError(err)).toBe(err);
    expect(mapUndiciError('plain')).toBe('plain');
  });

  it('maps a socket error wrapping an OS error to that errno', () => {
    const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const err = mapUndiciError(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET', cause }));
    expect(err).toMatchObject({ name: 'NetworkError', details: { errno: 'ECONNRESET' } });
  });

  it('maps undici abort codes and DOM AbortErrors to AbortError', () => {
    expect(isAbortError(mapUndiciError(Object.assign(new Error('aborted'), { code: 'UND_ERR_ABORTED' })))).toBe(true);
    expect(isAbortError(mapUndiciError(new DOMException('aborted', 'AbortError')))).toBe(true);
  });
});
