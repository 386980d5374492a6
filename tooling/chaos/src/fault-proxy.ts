/**
 * A small misbehaving HTTP server in front of the s3-mock server, for the faults s3-mock's own rules
 * do not model: a `Retry-After` on throttling answers, a ranged GET answered with another slice, a
 * 200 with an empty body where S3 sends a result document, and an endless listing. Requests no
 * rule takes are forwarded verbatim (headers included, so signatures still verify upstream).
 */
import { request as httpRequest, createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { S3Engine } from '@s3kit/s3-mock';

/** What a proxy rule does to the requests it takes. */
export type ProxyAction =
  /** Answers a ranged GetObject itself with another slice of the object, and a Content-Range that says so (or, for a whole-object range, another total size). */
  | 'wrong-content-range'
  /** Forwards the request (the operation happens), then answers 200 with an empty body. */
  | 'empty-200'
  /** Answers a listing with a 200 whose XML body never ends. */
  | 'endless-listing';

/** A proxy rule: the S3 operation it takes, from its `nth` match on, `times` times. */
export interface ProxyRule {
  operation: string;
  action: ProxyAction;
  times: number;
  nth: number;
}

/** A running proxy. */
export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: give it to clients as the endpoint. */
  readonly endpoint: string;
  /** Adds a rule. */
  add(rule: ProxyRule): void;
  /** Adds `Retry-After: <seconds>` to every 503 passed through (until {@link FaultProxy.clear}). */
  retryAfter(seconds: number): void;
  /** Removes every rule and the Retry-After setting; forgets what fired. */
  clear(): void;
  /** What fired, in order (`action operation`). */
  readonly fired: readonly string[];
  /**
   * Resolves once no forwarded request is waiting for the server any more: a client that gave up
   * on a slow answer leaves the server working on it, and what it does must count for this run.
   */
  idle(): Promise<void>;
  /** Stops listening and closes every connection. */
  stop(): Promise<void>;
}

/** The S3 operation of a request, as far as the proxy needs to tell them apart. */
export function operationOf(method: string, url: string, headers: IncomingMessage['headers']): string {
  const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const path = url.split('?')[0] ?? '/';
  const hasKey = path.split('/').filter(Boolean).length > 1;
  if (method === 'HEAD') return hasKey ? 'HeadObject' : 'HeadBucket';
  if (method === 'GET') return query.get('list-type') === '2' ? 'ListObjectsV2' : query.has('uploadId') ? 'ListParts' : hasKey ? 'GetObject' : 'ListObjects';
  if (method === 'POST') return query.has('uploadId') ? 'CompleteMultipartUpload' : query.has('uploads') ? 'CreateMultipartUpload' : 'DeleteObjects';
  if (method === 'DELETE') return query.has('uploadId') ? 'AbortMultipartUpload' : hasKey ? 'DeleteObject' : 'DeleteBucket';
  const copy = headers['x-amz-copy-source'] !== undefined;
  if (query.has('partNumber')) return copy ? 'UploadPartCopy' : 'UploadPart';
  return copy ? 'CopyObject' : hasKey ? 'PutObject' : 'CreateBucket';
}

function bucketAndKey(url: string): { bucket: string; key: string } {
  const path = url.split('?')[0] ?? '/';
  const slash = path.indexOf('/', 1);
  return { bucket: decodeURIComponent(path.slice(1, slash)), key: decodeURIComponent(path.slice(slash + 1)) };
}

function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.on('end', resolve);
    req.on('error', () => {
      resolve();
    });
    req.resume();
  });
}

/** Answers a ranged GET with another slice of the object of the same length, naming it in Content-Range. */
async function wrongSlice(engine: S3Engine, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
  if (!range) return false;
  const { bucket, key } = bucketAndKey(req.url ?? '/');
  const object = engine.getObject({ Bucket: bucket, Key: key });
  const body = object.Body;
  const size = body.byteLength;
  const start = Number(range[1]);
  const end = Math.min(Number(range[2]), size - 1);
  const length = end - start + 1;
  // Another slice of the same length where there is one; else the same bytes with another total size.
  const other = start > 0 ? 0 : size - length > 0 ? size - length : start;
  const claimedSize = other === start ? size + 1 : size;
  await drain(req);
  res.writeHead(206, {
    'content-range': `bytes ${other}-${other + length - 1}/${claimedSize}`,
    'content-length': String(length),
    etag: object.ETag,
    'last-modified': object.LastModified.toUTCString(),
  });
  res.end(body.subarray(other, other + length));
  return true;
}

async function endlessListing(req: IncomingMessage, res: ServerResponse): Promise<void> {
  await drain(req);
  res.writeHead(200, { 'content-type': 'application/xml' });
  const chunk = Buffer.from('<Contents><Key>endless/key</Key><Size>1</Size><ETag>"x"</ETag></Contents>'.repeat(512));
  res.write('<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>chaos</Name><IsTruncated>false</IsTruncated>');
  while (!res.destroyed) {
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
}

/**
 * Starts a proxy on loopback in front of `upstream` (the s3-mock server), reading objects from
 * `engine` when it answers a GET itself.
 * @throws Error when no port can be bound.
 */
export async function startFaultProxy(upstream: { host: string; port: number }, engine: S3Engine): Promise<FaultProxy> {
  const rules: (ProxyRule & { seen: number })[] = [];
  const fired: string[] = [];
  let retryAfter: number | undefined;
  const sockets = new Set<Socket>();
  let inFlight = 0;
  const wakeIdle: (() => void)[] = [];
  const settled = (): void => {
    inFlight--;
    if (inFlight === 0) for (const wake of wakeIdle.splice(0)) wake();
  };

  const take = (operation: string): ProxyAction | undefined => {
    for (const rule of rules) {
      if (rule.operation !== operation || rule.times <= 0) continue;
      rule.seen++;
      if (rule.seen < rule.nth) continue;
      rule.times--;
      fired.push(`${rule.action} ${operation}`);
      return rule.action;
    }
    return undefined;
  };

  const forward = (req: IncomingMessage, res: ServerResponse, empty200: boolean): void => {
    inFlight++;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      settled();
    };
    const out = httpRequest({ host: upstream.host, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      up.once('end', finish);
      up.once('close', finish);
      if (empty200 && up.statusCode === 200) {
        up.resume();
        up.on('end', () => {
          res.writeHead(200, { 'content-length': '0' });
          res.end();
        });
        return;
      }
      const headers = { ...up.headers };
      if (retryAfter !== undefined && up.statusCode === 503) headers['retry-after'] = String(retryAfter);
      res.writeHead(up.statusCode ?? 502, headers);
      up.pipe(res);
      up.on('error', () => res.destroy());
      // A client that left must not stall the answer: read it to its end, so the proxy knows when
      // the server is done with the request.
      res.once('close', () => {
        if (res.writableFinished) return;
        up.unpipe(res);
        up.resume();
      });
    });
    out.on('error', () => {
      finish();
      res.destroy();
    });
    req.pipe(out);
  };

  const server: Server = createServer({ keepAlive: true }, (req, res) => {
    const operation = operationOf(req.method ?? 'GET', req.url ?? '/', req.headers);
    const action = take(operation);
    const handled =
      action === 'wrong-content-range'
        ? wrongSlice(engine, req, res)
        : action === 'endless-listing'
          ? endlessListing(req, res).then(() => true)
          : Promise.resolve(false);
    handled.then(
      (done) => {
        if (!done) forward(req, res, action === 'empty-200');
      },
      () => res.destroy(),
    );
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    add: (rule) => rules.push({ ...rule, seen: 0 }),
    retryAfter: (seconds) => {
      retryAfter = seconds;
    },
    clear: () => {
      rules.length = 0;
      fired.length = 0;
      retryAfter = undefined;
    },
    fired,
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => wakeIdle.push(resolve))),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        for (const s of sockets) s.destroy();
      }),
  };
}
