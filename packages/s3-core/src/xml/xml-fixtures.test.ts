import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isS3ErrorBody, parseS3Error } from '../errors/parse-s3-error.js';
import { parseXmlFast, scanXml } from './fast-xml-reader.js';
import { loadXmlParser, parseXml } from './xml-parser.js';
import type { XmlValue } from './xml-parser.js';

// parseXml reads through fast-xml-parser, which the client loads on first need.
await loadXmlParser();

// Every public S3 XML fixture (test/fixtures/xml, see its README for attribution) is parsed by the
// general parser and the fast reader; both must agree, and where the source gives an expected parse
// (botocore's, in botocore's shape names) the strings we produce must match it.
const dir = fileURLToPath(new URL('../../test/fixtures/xml/', import.meta.url));
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.xml'));

// What the operation specs will declare as lists, per root element.
const ARRAY_PATHS: Record<string, string[]> = {
  ListBucketResult: ['Contents', 'CommonPrefixes'],
  ListAllMyBucketsResult: ['Buckets.Bucket'],
  DeleteResult: ['Deleted', 'Error'],
  ListMultipartUploadsResult: ['Upload', 'CommonPrefixes'],
  ListPartsResult: ['Part'],
  Tagging: ['TagSet.Tag'],
  ListVersionsResult: ['Version', 'DeleteMarker', 'CommonPrefixes'],
  AccessControlPolicy: ['AccessControlList.Grant'],
  BucketLoggingStatus: ['LoggingEnabled.TargetGrants.Grant'],
  LifecycleConfiguration: ['Rule', 'Rule.Transition'],
  CompleteMultipartUpload: ['Part'],
};

function arrayPathsFor(xml: string): Set<string> {
  const root = /<([A-Za-z]+)[\s>/]/.exec(xml.replace(/<\?xml[^>]*\?>/, ''))?.[1] ?? '';
  return new Set((ARRAY_PATHS[root] ?? []).map((p) => `${root}.${p}`));
}

// botocore names some members differently from their XML elements.
const RENAMES: Record<string, string> = { Grants: 'AccessControlList', Versions: 'Version', DeleteMarkers: 'DeleteMarker', Uploads: 'Upload', Type: '@xsi:type' };

/** Whether `actual` (our strings) carries every value of `expected` (botocore's typed parse). */
function matches(expected: unknown, actual: XmlValue | undefined, path: string, problems: string[]): void {
  if (Array.isArray(expected)) {
    let list: XmlValue | undefined = actual;
    // botocore flattens wrapped lists (<Buckets><Bucket/>...</Buckets> -> Buckets: [...]).
    if (list !== undefined && typeof list === 'object' && !Array.isArray(list)) {
      const inner = Object.values(list).filter((v) => typeof v === 'object');
      list = inner.length === 1 ? inner[0] : list;
    }
    const items = Array.isArray(list) ? list : list === undefined ? [] : [list];
    if (items.length !== expected.length) problems.push(`${path}: ${items.length} items, expected ${expected.length}`);
    expected.forEach((e, i) => {
      matches(e, items[i], `${path}[${i}]`, problems);
    });
  } else if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || Array.isArray(actual)) {
      problems.push(`${path}: expected an element with children`);
      return;
    }
    for (const [key, value] of Object.entries(expected)) {
      if (key === 'ResponseMetadata') continue;
      const renamed = RENAMES[key];
      const found = actual[key] ?? (renamed === undefined ? undefined : actual[renamed]);
      matches(value, found, `${path}.${key}`, problems);
    }
  } else if (actual !== String(expected)) {
    problems.push(`${path}: ${JSON.stringify(actual)} !== ${JSON.stringify(expected)}`);
  }
}

interface Sidecar {
  http_status?: number | null;
  response_headers?: Record<string, string>;
  expected_parse?: { value?: Record<string, unknown>; error_code?: string } & Record<string, unknown>;
}

describe('public S3 XML fixtures', () => {
  it('has fixtures to walk', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(47);
  });

  for (const file of fixtures) {
    const xml = readFileSync(`${dir}${file}`, 'utf8');
    const sidecar = JSON.parse(readFileSync(`${dir}${file.replace(/\.xml$/, '.json')}`, 'utf8')) as Sidecar;
    const arrayPaths = arrayPathsFor(xml);

    it(`${file}: the general parser reads it and the fast reader agrees`, () => {
      const general = parseXml(xml, { arrayPaths });
      expect(Object.keys(general)).toHaveLength(1);
      const fast = scanXml(xml, { arrayPaths });
      if (fast !== undefined) expect(fast).toEqual(general);
      expect(parseXmlFast(xml, { arrayPaths })).toEqual(general);
    });

    const expected = sidecar.expected_parse;
    if (expected?.value !== undefined) {
      it(`${file}: matches the source's expected parse`, () => {
        const doc = parseXml(xml, { arrayPaths });
        const value = expected.value!;
        const [root] = Object.keys(doc) as [string];
        const problems: string[] = [];
        if (root in value) matches(value, doc, '', problems);
        else matches(value, doc[root], root, problems);
        expect(problems).toEqual([]);
      });
    }

    if (isS3ErrorBody(xml)) {
      it(`${file}: parses as an S3 error`, () => {
        const status = sidecar.http_status ?? 400;
        const err = parseS3Error({ statusCode: status, headers: sidecar.response_headers ?? {}, bodyText: xml }, { operation: 'Op' });
        const code = /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
        expect(err.code).toBe(code);
        expect(err.statusCode).toBe(status);
        if (typeof expected?.error_code === 'string') expect(err.code).toBe(expected.error_code);
        if (sidecar.response_headers?.['x-amz-bucket-region']) expect(err.region).toBe(sidecar.response_headers['x-amz-bucket-region']);
      });
    }
  }
});
