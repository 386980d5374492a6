/**
 * The mock over a real `node:http` server: streaming request bodies, keep-alive, `Expect:
 * 100-continue`, virtual-host addressing from the Host header, and injected connection faults.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { HttpQuery, HttpRequest } from '@s3kit/primitives';
import type { S3Engine } from '../engine/engine.js';
import { throttleSlices } from '../mock/served.js';
import type { ServeFunction } from '../mock/served.js';

/** Where a server listens. */
export interface ListenOptions {
  /**
   * TCP port; `0` picks a free one.
   * @default 0
   */
  port?: number;
  /**
   * Interface to bind. Keep it on loopback: the mock is not hardened for untrusted networks.
   * @default '127.0.0.1'
   */
  host?: string;
  /**
   * Answer CORS preflights and allow any origin, so browser pages can call the mock (see
   * `mock/permissive-cors.ts`). A bucket with CORS rules is answered from its rules, as S3 does;
   * `false` answers every request as S3 would (no CORS without bucket rules).
   * @default true
   */
  cors?: boolean;
}

/** A running mock server. */
export interface S3MockServer {
  /** `http://host:port`, for `--endpoint-url` and SDK `endpoint` options. */
  readonly endpoint: string;
  /** The bound port. */
  readonly port: number;
  /** The bound host. */
  readonly host: string;
  /** The engine behind it. */
  readonly engine: S3Engine;
  /** Stops listening and closes every connection. */
  stop(): Promise<void>;
}

/** Parses a raw query string: `&`-separated, percent-decoded (no `+` to space, as S3 reads it), repeated keys as arrays. */
export function parseQueryString(raw: string): HttpQuery {
  const out: Record<string, string | string[]> = {};
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const decode = (s: string): string => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    };
    const k = decode(eq < 0 ? part : part.slice(0, eq));
    const v = eq < 0 ? '' : decode(part.slice(eq + 1));
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** Converts an incoming node request into the port's `HttpRequest` (the body streams). */
export function toHttpRequest(req: IncomingMessage): HttpRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const hostHeader = headers.host ?? '';
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(hostHeader);
  const request: HttpRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    protocol: 'http:',
    hostname: (m?.[1] ?? '').replace(/^\[|\]$/g, ''),
    path: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? {} : parseQueryString(url.slice(q + 1)),
    headers,
  };
  if (m?.[2] !== undefined) request.port = Number(m[2]);
  // No Content-Length and no Transfer-Encoding means an empty body in HTTP/1.1.
  if (headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined) request.body = req;
  return request;
}

/** The raw HTTP response for a request node's parser refused. */
export function clientErrorResponse(parserCode: string | undefined): string {
  const [status, code, message] =
    parserCode === 'HPE_HEADER_OVERFLOW'
      ? ['400 Bad Request', 'RequestHeaderSectionTooLarge', 'Your request header section exceeds the maximum allowed size.']
      : parserCode === 'HPE_INVALID_EOF_STATE'
        ? ['400 Bad Request', 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header.']
        : ['400 Bad Request', 'BadRequest', 'An error occurred when parsing the HTTP request.'];
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return `HTTP/1.1 ${status}\r\ncontent-type: application/xml\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
}

/** A body that answers `100 Continue` when it is first read: a request refused before that never gets one. */
async function* continueOnRead(req: IncomingMessage, res: ServerResponse): AsyncGenerator<Uint8Array> {
  res.writeContinue();
  for await (const chunk of req) yield chunk as Uint8Array;
}

async function respond(serve: ServeFunction, req: IncomingMessage, res: ServerResponse, options: { cors: boolean; expectsContinue: boolean }): Promise<void> {
  const request = toHttpRequest(req);
  if (options.expectsContinue && request.body !== undefined) request.body = continueOnRead(req, res);
  const served = await serve(request, undefined, { permissiveCors: options.cors, ...(req.socket.remoteAddress === undefined ? {} : { sourceIp: req.socket.remoteAddress }) });
  if (served.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  const { reply, truncateAt, throttle } = served;
  res.writeHead(reply.status, reply.headers);
  if (request.method === 'HEAD' || reply.body.byteLength === 0) {
    res.end();
    return;
  }
  if (throttle) {
    for (const { slice, pauseMs } of throttleSlices(reply.body, throttle.bytesPerSecond)) {
      if (res.destroyed) return;
      res.write(slice);
      await throttle.sleep(pauseMs);
    }
    res.end();
    return;
  }
  if (truncateAt !== undefined && truncateAt < reply.body.byteLength) {
    res.write(reply.body.subarray(0, truncateAt), () => res.destroy());
    return;
  }
  res.end(reply.body);
}

/**
 * Starts a server that answers with `serve`. Prefer `createS3Mock().start()` or `startS3MockServer()`.
 * @throws Error when the port cannot be bound
 */
export async function listenS3Mock(serve: ServeFunction, engine: S3Engine, options: ListenOptions = {}): Promise<S3MockServer> {
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  const expectingContinue = new WeakSet<IncomingMessage>();
  const server: Server = createServer({ keepAlive: true, maxHeaderSize: 64 * 1024 }, (req, res) => {
    respond(serve, req, res, { cors: options.cors ?? true, expectsContinue: expectingContinue.has(req) }).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/xml' });
        res.end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>');
      } else res.destroy();
    });
  });
  // A request node cannot parse (a body shorter than its Content-Length when the client stops,
  // bytes past the declared length that are no request): answer like S3, with an XML error.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(err.code));
  });
  // The AWS CLI and SDKs send Expect: 100-continue on uploads: `100 Continue` goes out when the
  // operation starts reading the body, so a request refused from its headers (auth, size, a
  // missing bucket) gets its final answer instead and never sends the body.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    expectingContinue.add(req);
    server.emit('request', req, res);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    endpoint: `http://${shownHost}:${port}`,
    port,
    host,
    engine,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
      }),
  };
}
