import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isAbortError, isNetworkError, isTimeoutError, isValidationError } from '../errors/errors.js';
import { createFetchTransport } from './fetch-transport.js';
import type { FetchFunction } from './fetch-transport.js';
import type { HttpRequest } from './http.js';

let server: Server;
let port: number;
const sockets = new Set<Socket>();

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/echo') {
    const body = await readAll(req);
    res.setHeader('x-multi', ['a', 'b']);
    res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: body.toString('utf8') }));
  } else if (path === '/head') {
    res.writeHead(200, { 'content-length': '5', 'x-kind': 'head' });
    res.end(req.method === 'HEAD' ? undefined : 'hello');
  } else if (path === '/chunks') {
    res.writeHead(200, { 'content-length': '6' });
    res.write('abc');
    setTimeout(() => res.end('def'), 20);
  } else if (path === '/stall-headers') {
    await readAll(req); // never answers
  } else if (path === '/stall-body') {
    res.writeHead(200, { 'content-length': '1000' });
    res.write('first');
  } else if (path === '/reset-mid-body') {
    res.writeHead(200, { 'content-length': '100000' });
    res.write('x'.repeat(1000), () => req.socket.destroy());
  } else {
    res.statusCode = 404;
    res.end();
  }
}

beforeAll(async () => {
  // A client that aborts mid-request makes readAll reject: that is the test's point, not a failure.
  server = createServer((req, res) => void handle(req, res).catch(() => undefined));
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => { resolve(); }));
});

function req(path: string, extra: Partial<HttpRequest> = {}): HttpRequest {
  return { method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port, path, headers: {}, ...extra };
}

async function* chunksOf(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

describe('createFetchTransport', () => {
  const transport = createFetchTransport();

  it('sends a GET with query and headers; repeated response headers are joined', async () => {
    const res = await transport.send(req('/echo', { query: { b: '2', a: 'x y' }, headers: { 'x-test': 'yes', host: 'ignored' } }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-multi']).toBe('a, b');
    const echo = JSON.parse(await res.body.text()) as Echo;
    expect(echo.url).toBe('/echo?a=x%20y&b=2');
    expect(echo.headers['x-test']).toBe('yes');
    expect(echo.headers.host).toBe(`127.0.0.1:${port}`);
  });

  it('PUTs bytes and text bodies', async () => {
    const bytes = await transport.send(req('/echo', { method: 'PUT', body: new TextEncoder().encode('bytes!') }));
    expect((JSON.parse(await bytes.body.text()) as Echo).body).toBe('bytes!');
    const text = await transport.send(req('/echo', { method: 'PUT', body: 'text!' }));
    expect((JSON.parse(await text.body.text()) as Echo).body).toBe('text!');
  });

  it('streams an async iterable body with duplex half, keeping the caller-set content-length', async () => {
    const res = await transport.send(req('/echo', { method: 'PUT', headers: { 'content-length': '6' }, body: chunksOf('abc', 'def') }));
    const echo = JSON.parse(await res.body.text()) as Echo;
    expect(echo.body).toBe('abcdef');
    expect(echo.headers['content-length']).toBe('6');
  });

  describe('where the runtime has FixedLengthStream (workerd)', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('pipes a streamed body with a content-length through it, so fetch sends that length', async () => {
      const lengths: number[] = [];
      vi.stubGlobal(
        'FixedLengthStream',
        class {
          readonly readable: ReadableStream<Uint8Array>;
          readonly writable: WritableStream<Uint8Array>;
          constructor(length: number) {
            lengths.push(length);
            const pass = new TransformStream<Uint8Array, Uint8Array>();
            this.readable = pass.readable;
            this.writable = pass.writable;
          }
        },
      );
      const res = await transport.send(req('/echo', { method: 'PUT', headers: { 'content-length': '6' }, body: chunksOf('abc', 'def') }));
      expect((JSON.parse(await res.body.text()) as Echo).body).toBe('abcdef');
      expect(lengths).toEqual([6]);
      await transport.send(req('/echo', { method: 'PUT', body: chunksOf('no length') })).then((r) => r.body.dump());
      expect(lengths).toEqual([6]);
    });
  });

  it('collects a streamed body into a Blob when request streaming is off (as in browsers)', async () => {
    const collecting = createFetchTransport({ streamRequestBodies: false });
    const res = await collecting.send(req('/echo', { method: 'PUT', body: chunksOf('ab', 'cd') }));
    const echo = JSON.parse(await res.body.text()) as Echo;
    expect(echo.body).toBe('abcd');
    expect(echo.headers['content-length']).toBe('4');
  });

  it('rethrows the original error of a failing request body stream, streamed or collected', async () => {
    const boom = new Error('disk went away');
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(3);
      throw boom;
    }
    await expect(transport.send(req('/echo', { method: 'PUT', body: failing() }))).rejects.toBe(boom);
    await expect(createFetchTransport({ streamRequestBodies: false }).send(req('/echo', { method: 'PUT', body: failing() }))).rejects.toBe(boom);
  });

  it('rejects a streamed body shorter than its content-length with ValidationError (Node fetch)', async () => {
    const err: unknown = await transport.send(req('/echo', { method: 'PUT', headers: { 'content-length': '10' }, body: chunksOf('abc') })).catch((e: unknown) => e);
    expect(isValidationError(err) || isNetworkError(err)).toBe(true);
  });

  it('gives HEAD an empty body and keeps its headers', async () => {
    const res = await transport.send(req('/head', { method: 'HEAD' }));
    expect(res.headers['x-kind']).toBe('head');
    expect(res.headers['content-length']).toBe('5');
    expect((await res.body.bytes()).byteLength).toBe(0);
  });

  it('streams the response body chunk by chunk', async () => {
    const res = await transport.send(req('/chunks'));
    const parts: string[] = [];
    for await (const chunk of res.body) parts.push(new TextDecoder().decode(chunk));
    expect(parts.join('')).toBe('abcdef');
    expect(parts.length).toBeGreaterThanOrEqual(2);
  });

  it('dump() releases an unread body and can be called twice', async () => {
    const res = await transport.send(req('/head'));
    await res.body.dump();
    await res.body.dump();
    await expect(res.body.text()).rejects.toThrow(/already read/);
  });

  it('maps a headers deadline to TimeoutError phase headers', async () => {
    const err: unknown = await createFetchTransport({ headersTimeoutMs: 100 }).send(req('/stall-headers')).catch((e: unknown) => e);
    expect(isTimeoutError(err) && err.phase === 'headers').toBe(true);
  });

  it('maps an idle gap in the body to TimeoutError phase body while the caller reads', async () => {
    const res = await createFetchTransport({ bodyTimeoutMs: 100 }).send(req('/stall-body'));
    const err: unknown = await res.body.bytes().catch((e: unknown) => e);
    expect(isTimeoutError(err) && err.phase === 'body').toBe(true);
  });

  it('maps connection refused to a retryable NetworkError with the errno', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => { resolve(); }));
    const err: unknown = await transport.send({ ...req('/echo'), port: freePort }).catch((e: unknown) => e);
    expect(isNetworkError(err)).toBe(true);
    expect(isNetworkError(err) && err.retryable).toBe(true);
    expect(isNetworkError(err) && err.details?.errno).toBe('ECONNREFUSED');
  });

  it('maps a reset in the middle of the body to NetworkError when reading', async () => {
    const res = await transport.send(req('/reset-mid-body'));
    const err: unknown = await res.body.bytes().catch((e: unknown) => e);
    expect(isNetworkError(err)).toBe(true);
  });

  it("asks for cache: 'no-store' when told (the browser default: their HTTP cache served a HEAD from an earlier GET)", async () => {
    const seen: (string | undefined)[] = [];
    const recording: FetchFunction = (input, init) => {
      seen.push(init.cache);
      const { cache: _cache, ...rest } = init;
      return fetch(input, rest);
    };
    await createFetchTransport({ fetch: recording, cache: 'no-store' }).send(req('/head', { method: 'HEAD' }));
    await createFetchTransport({ fetch: recording, cache: 'default' }).send(req('/head', { method: 'HEAD' }));
    await createFetchTransport({ fetch: recording }).send(req('/head', { method: 'HEAD' }));
    expect(seen).toEqual(['no-store', undefined, undefined]);
  });

  it('maps a rejection the runtime gives without a code to NetworkError ERR_FETCH', async () => {
    const failing: FetchFunction = () => Promise.reject(new TypeError('Failed to fetch'));
    const err: unknown = await createFetchTransport({ fetch: failing }).send(req('/echo')).catch((e: unknown) => e);
    expect(isNetworkError(err) && err.details?.errno).toBe('ERR_FETCH');
  });

  it('rejects with AbortError without calling fetch when the signal is already aborted', async () => {
    let calls = 0;
    const counting: FetchFunction = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const controller = new AbortController();
    controller.abort();
    const err: unknown = await createFetchTransport({ fetch: counting }).send(req('/echo'), { signal: controller.signal }).catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    expect(calls).toBe(0);
  });

  it('rejects with AbortError when aborted while waiting for headers, and while reading the body', async () => {
    const waiting = new AbortController();
    const pending = transport.send(req('/stall-headers'), { signal: waiting.signal });
    setTimeout(() => { waiting.abort(); }, 50);
    expect(isAbortError(await pending.catch((e: unknown) => e))).toBe(true);

    const reading = new AbortController();
    const res = await transport.send(req('/stall-body'), { signal: reading.signal });
    const read = res.body.bytes();
    setTimeout(() => { reading.abort(); }, 50);
    expect(isAbortError(await read.catch((e: unknown) => e))).toBe(true);
  });
});
