import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HttpHandler, HttpMiddleware, HttpRequest, HttpResponse, HttpTransport } from './http.js';
import {
  compose,
  concatBytes,
  createResponseBody,
  emptyResponseBody,
  encodeQuery,
  encodeRfc3986,
  isReplayableBody,
  requestOrigin,
  requestTarget,
} from './http.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function request(overrides: Partial<HttpRequest> = {}): HttpRequest {
  return { method: 'GET', protocol: 'https:', hostname: 'example.com', path: '/', headers: {}, ...overrides };
}

function response(statusCode = 200): HttpResponse {
  return { statusCode, headers: {}, body: emptyResponseBody() };
}

describe('compose', () => {
  it('runs middleware outermost first, then the transport, and unwinds in reverse', async () => {
    const trace: string[] = [];
    const seen: HttpRequest[] = [];
    const transport: HttpTransport = {
      send: async (req) => {
        trace.push('transport');
        seen.push(req);
        return response();
      },
    };
    const tag =
      (name: string): HttpMiddleware =>
      (next: HttpHandler) =>
      async (req, options) => {
        trace.push(`${name} in`);
        const res = await next({ ...req, headers: { ...req.headers, [`x-${name}`]: '1' } }, options);
        trace.push(`${name} out`);
        return res;
      };
    const composed = compose(transport, tag('a'), tag('b'));
    await composed.send(request());
    expect(trace).toEqual(['a in', 'b in', 'transport', 'b out', 'a out']);
    expect(seen[0]!.headers).toEqual({ 'x-a': '1', 'x-b': '1' });
  });

  it('passes send options (the signal) through and defaults them to {}', async () => {
    const optionsSeen: unknown[] = [];
    const transport: HttpTransport = {
      send: async (_req, options) => {
        optionsSeen.push(options);
        return response();
      },
    };
    const controller = new AbortController();
    const composed = compose(transport);
    await composed.send(request(), { signal: controller.signal });
    await composed.send(request());
    expect(optionsSeen).toEqual([{ signal: controller.signal }, {}]);
  });

  it('lets middleware short-circuit without calling the transport', async () => {
    let called = false;
    const transport: HttpTransport = {
      send: async () => {
        called = true;
        return response();
      },
    };
    const res = await compose(transport, () => async () => response(503)).send(request());
    expect(res.statusCode).toBe(503);
    expect(called).toBe(false);
  });

  it('passes close through when the transport has one, and omits it otherwise', async () => {
    let closed = 0;
    const withClose: HttpTransport = {
      send: async () => response(),
      close: async () => {
        closed++;
      },
    };
    const composed = compose(withClose, (next) => next);
    await composed.close?.();
    expect(closed).toBe(1);
    expect(compose({ send: async () => response() })).not.toHaveProperty('close');
  });
});

/** Reference SigV4 URI encoding: UTF-8 bytes, unreserved characters kept, everything else %XX upper-case. */
function referenceEncode(value: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(value)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

describe('encodeRfc3986', () => {
  it.each([
    ['abcXYZ019-._~', 'abcXYZ019-._~'],
    ["!'()*", '%21%27%28%29%2A'],
    [' /?#[]@$&+,;=:', '%20%2F%3F%23%5B%5D%40%24%26%2B%2C%3B%3D%3A'],
    ['é€😀', '%C3%A9%E2%82%AC%F0%9F%98%80'],
    ['', ''],
  ])('encodes %j as %s', (input, expected) => {
    expect(encodeRfc3986(input)).toBe(expected);
  });

  it('matches a byte-level reference implementation for any well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (value) => {
        expect(encodeRfc3986(value)).toBe(referenceEncode(value));
        expect(decodeURIComponent(encodeRfc3986(value))).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});

describe('encodeQuery', () => {
  it('returns an empty string for no query', () => {
    expect(encodeQuery(undefined)).toBe('');
    expect(encodeQuery({})).toBe('');
  });

  it('sorts by encoded key, then by value, and repeats multi-valued keys', () => {
    expect(encodeQuery({ prefix: 'a b', 'list-type': '2', delimiter: '/', tag: ['z', 'a', 'm'] })).toBe(
      'delimiter=%2F&list-type=2&prefix=a%20b&tag=a&tag=m&tag=z',
    );
  });

  it('sends empty values as key=', () => {
    expect(encodeQuery({ uploads: '', acl: '' })).toBe('acl=&uploads=');
  });

  it('sorts by code point of the encoded form (upper-case before lower-case)', () => {
    expect(encodeQuery({ b: '1', B: '1', a: '1', 'a b': '1' })).toBe('B=1&a=1&a%20b=1&b=1');
  });

  it('encodes reserved characters in keys and values', () => {
    expect(encodeQuery({ 'x=y': 'a&b', k: ['2', '10'] })).toBe('k=10&k=2&x%3Dy=a%26b');
  });
});

describe('requestTarget and requestOrigin', () => {
  it('joins path and query, leaving the path as given', () => {
    expect(requestTarget({ path: '/bucket/a%20b/../c' })).toBe('/bucket/a%20b/../c');
    expect(requestTarget({ path: '/b', query: { uploads: '' } })).toBe('/b?uploads=');
    expect(requestTarget({ path: '/b', query: {} })).toBe('/b');
  });

  it('builds origins with and without ports', () => {
    expect(requestOrigin({ protocol: 'https:', hostname: 's3.eu-west-1.amazonaws.com' })).toBe('https://s3.eu-west-1.amazonaws.com');
    expect(requestOrigin({ protocol: 'http:', hostname: '127.0.0.1', port: 9000 })).toBe('http://127.0.0.1:9000');
  });

  it('brackets IPv6 hosts', () => {
    expect(requestOrigin({ protocol: 'http:', hostname: '::1', port: 8080 })).toBe('http://[::1]:8080');
    expect(requestOrigin({ protocol: 'https:', hostname: 'fe80::1' })).toBe('https://[fe80::1]');
  });

  // Regression: `new URL('http://[::1]:9000').hostname` is `[::1]`; it used to become `[[::1]]`.
  it('does not bracket an IPv6 host twice', () => {
    const url = new URL('http://[::1]:9000/');
    expect(requestOrigin({ protocol: 'http:', hostname: url.hostname, port: 9000 })).toBe('http://[::1]:9000');
  });
});

describe('isReplayableBody and concatBytes', () => {
  it('says bytes, strings and no body can be replayed, streams cannot', () => {
    expect(isReplayableBody(undefined)).toBe(true);
    expect(isReplayableBody('text')).toBe(true);
    expect(isReplayableBody(bytes('x'))).toBe(true);
    expect(isReplayableBody(Buffer.from('x'))).toBe(true);
    expect(isReplayableBody((async function* () {})())).toBe(false);
  });

  it('joins chunks, with or without a known total', () => {
    const chunks = [bytes('ab'), new Uint8Array(0), bytes('cde')];
    expect(new TextDecoder().decode(concatBytes(chunks))).toBe('abcde');
    expect(new TextDecoder().decode(concatBytes(chunks, 5))).toBe('abcde');
    expect(concatBytes([])).toEqual(new Uint8Array(0));
    const single = bytes('only');
    expect(concatBytes([single])).toBe(single);
  });
});

async function* chunksOf(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) {
    await Promise.resolve();
    yield bytes(part);
  }
}

describe('createResponseBody', () => {
  it('collects bytes and text', async () => {
    expect(new TextDecoder().decode(await createResponseBody(chunksOf('he', 'llo')).bytes())).toBe('hello');
    // A multi-byte character split across chunks decodes once the chunks are joined.
    const split = (async function* () {
      yield Uint8Array.of(0x68, 0xc3);
      yield Uint8Array.of(0xa9, 0x21);
    })();
    expect(await createResponseBody(split).text()).toBe('hé!');
    expect(await createResponseBody(chunksOf()).bytes()).toEqual(new Uint8Array(0));
  });

  it('iterates chunks', async () => {
    const seen: string[] = [];
    for await (const chunk of createResponseBody(chunksOf('a', 'b', 'c'))) seen.push(new TextDecoder().decode(chunk));
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('refuses a second read in any combination', async () => {
    const body = createResponseBody(chunksOf('x'));
    await body.text();
    await expect(body.bytes()).rejects.toThrow(TypeError);
    await expect(body.text()).rejects.toThrow('already read');
    expect(() => body[Symbol.asyncIterator]()).toThrow('already read');
    const iterated = createResponseBody(chunksOf('x'));
    for await (const _ of iterated) break;
    await expect(iterated.bytes()).rejects.toThrow('already read');
  });

  it('dump calls onDump for an unread body, once', async () => {
    let dumped = 0;
    let pulled = false;
    const source = (async function* () {
      pulled = true;
      yield bytes('never');
    })();
    const body = createResponseBody(source, () => {
      dumped++;
    });
    await body.dump();
    await body.dump();
    expect(dumped).toBe(1);
    expect(pulled).toBe(false);
    await expect(body.bytes()).rejects.toThrow('already read');
  });

  it('dump drains an unread body when there is no onDump', async () => {
    let finished = false;
    const source = (async function* () {
      yield bytes('a');
      yield bytes('b');
      finished = true;
    })();
    await createResponseBody(source).dump();
    expect(finished).toBe(true);
  });

  it('dump does nothing after a complete read', async () => {
    let dumped = 0;
    const body = createResponseBody(chunksOf('a'), () => {
      dumped++;
    });
    await body.bytes();
    await body.dump();
    expect(dumped).toBe(0);
  });

  // Regression: after a partial read, dump() used to return without releasing the source.
  it('dump after a partial read closes the iterator and calls onDump', async () => {
    let dumped = 0;
    let closed = false;
    const source = (async function* () {
      try {
        yield bytes('a');
        yield bytes('b');
      } finally {
        closed = true;
      }
    })();
    const body = createResponseBody(source, () => {
      dumped++;
    });
    const iterator = body[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    await body.dump();
    expect(closed).toBe(true);
    expect(dumped).toBe(1);
    await body.dump();
    expect(dumped).toBe(1);
  });

  it('breaking out of iteration closes the source; dump is then a no-op', async () => {
    let closed = false;
    let dumped = 0;
    const source = (async function* () {
      try {
        yield bytes('a');
        yield bytes('b');
      } finally {
        closed = true;
      }
    })();
    const body = createResponseBody(source, () => {
      dumped++;
    });
    for await (const _ of body) break;
    expect(closed).toBe(true);
    await body.dump();
    expect(dumped).toBe(0);
  });

  it('works over a source iterator without return()', async () => {
    const plain: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => {
        let i = 0;
        return { next: async () => (i++ < 2 ? { done: false, value: bytes('z') } : { done: true, value: undefined }) };
      },
    };
    const body = createResponseBody(plain);
    const iterator = body[Symbol.asyncIterator]();
    await iterator.next();
    await expect(iterator.return?.()).resolves.toEqual({ done: true, value: undefined });
    const partial = createResponseBody(plain);
    await partial[Symbol.asyncIterator]().next();
    await expect(partial.dump()).resolves.toBeUndefined();
  });

  it('propagates a source error to the reader', async () => {
    const failing = (async function* () {
      yield bytes('a');
      throw new Error('socket closed');
    })();
    await expect(createResponseBody(failing).bytes()).rejects.toThrow('socket closed');
  });
});

describe('emptyResponseBody', () => {
  it('reads as nothing and dumps quietly', async () => {
    expect(await emptyResponseBody().bytes()).toEqual(new Uint8Array(0));
    expect(await emptyResponseBody().text()).toBe('');
    const chunks: Uint8Array[] = [];
    for await (const c of emptyResponseBody()) chunks.push(c);
    expect(chunks).toEqual([]);
    await expect(emptyResponseBody().dump()).resolves.toBeUndefined();
  });

  it('keeps read-once rules per body over its shared source (regression: an async generator per empty body was promoted by every young-generation collection)', async () => {
    const a = emptyResponseBody();
    const b = emptyResponseBody();
    expect(await a.bytes()).toEqual(new Uint8Array(0));
    await expect(a.bytes()).rejects.toThrow('already read');
    expect(await b.text()).toBe('');
    await b.dump();
    const c = emptyResponseBody();
    await c.dump();
    await expect(c.bytes()).rejects.toThrow('already read');
  });
});
