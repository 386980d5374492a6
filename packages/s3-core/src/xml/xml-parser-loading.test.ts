// fast-xml-parser is loaded on first need (xml-parser.ts). This file must not load it up front:
// its tests run in order, from a module state where the general parser is not loaded yet.
import { createResponseBody } from '@s3kit/primitives';
import type { HttpRequest, HttpTransport } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { mockClient } from '../../test/mock-client.js';
import { isS3ServiceError } from '../errors/s3-service-error.js';
import { parseXmlFast } from './fast-xml-reader.js';
import { XmlParserNotLoaded, parseXml, withXmlParser } from './xml-parser.js';

/** Answers every request that `match` with `status` and `body` instead of the mock's answer. */
function answer(match: (request: HttpRequest) => boolean, status: number, body: string): (inner: HttpTransport) => HttpTransport {
  return (inner) => ({
    send: async (request, options) => {
      if (!match(request)) return inner.send(request, options);
      const bytes = new TextEncoder().encode(body);
      return { statusCode: status, headers: { 'content-length': String(bytes.byteLength) }, body: createResponseBody(once(bytes)) };
    },
  });
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

const COMMENTED_LISTING = '<?xml version="1.0"?><!-- a proxy note --><ListBucketResult><Name>bkt</Name><KeyCount>1</KeyCount><Contents><Key>a.txt</Key><Size>3</Size></Contents><IsTruncated>false</IsTruncated></ListBucketResult>';

describe('the general XML parser, loaded on first need', () => {
  it('is not loaded by the fast reader: plain S3 documents never need it', () => {
    expect(parseXmlFast('<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>')).toEqual({ Tagging: { TagSet: { Tag: { Key: 'k', Value: 'v' } } } });
    expect(() => parseXml('<a>1</a>')).toThrow(XmlParserNotLoaded);
    expect(() => parseXmlFast('<a><!-- outside the fast reader --></a>')).toThrow(XmlParserNotLoaded);
  });

  it('withXmlParser passes other errors through without loading it', async () => {
    await expect(withXmlParser(() => {
      throw new RangeError('not about XML');
    })).rejects.toThrow(RangeError);
    expect(() => parseXml('<a>1</a>')).toThrow(XmlParserNotLoaded);
  });

  it('an error body outside the fast reader (a proxy page) still becomes a typed error: the client loads the parser then', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1><hr/></body></html>';
    const { client } = mockClient({ retry: { maxAttempts: 1 } }, {}, answer((r) => r.method === 'GET', 502, html));
    const err: unknown = await client.getObject({ Bucket: 'bkt', Key: 'k' }).catch((e: unknown) => e);
    expect(isS3ServiceError(err) && { code: err.code, statusCode: err.statusCode }).toEqual({ code: 'UnknownError', statusCode: 502 });
    expect(parseXml('<a>1</a>')).toEqual({ a: '1' });
  });

  it('a listing outside the fast reader (an XML comment) is read by the general parser', async () => {
    const { client } = mockClient({}, {}, answer((r) => r.method === 'GET' && r.query?.['list-type'] === '2', 200, COMMENTED_LISTING));
    const out = await client.listObjectsV2({ Bucket: 'bkt' });
    expect(out.Contents?.map((c) => [c.Key, c.Size])).toEqual([['a.txt', 3]]);
  });
});
