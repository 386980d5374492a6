import { GetBucketAcl, HeadObject, ListObjectsV2 } from '@s3kit/s3-core';
import { describe, expect, it } from 'vitest';
import { isoTimestamp, shapeOutput } from './api-output.js';

describe('shapeOutput', () => {
  const date = new Date('2026-12-06T02:12:43.000Z');

  it('orders members as botocore parses them: body members, then header members, each in model order', () => {
    const out = shapeOutput(ListObjectsV2, { RequestCharged: 'requester', KeyCount: 1, Name: 'b', Contents: [{ Size: 1, Key: 'k', LastModified: date }], IsTruncated: false }, 'iso8601');
    expect(Object.keys(out)).toEqual(['IsTruncated', 'Contents', 'Name', 'KeyCount', 'RequestCharged']);
    expect(out.Contents).toEqual([{ Key: 'k', LastModified: '2026-12-06T02:12:43+00:00', Size: 1 }]);
  });

  it('prints timestamps as aws v2 (iso8601) or as received (wire: HTTP dates from headers)', () => {
    expect(shapeOutput(HeadObject, { LastModified: date }, 'iso8601').LastModified).toBe('2026-12-06T02:12:43+00:00');
    expect(shapeOutput(HeadObject, { LastModified: date }, 'wire').LastModified).toBe('Sun, 06 Dec 2026 02:12:43 GMT');
    expect(isoTimestamp(new Date('2026-12-06T02:12:43.120Z'))).toBe('2026-12-06T02:12:43.120000+00:00');
  });

  it('always has the header map, never $metadata', () => {
    const out = shapeOutput(HeadObject, { $metadata: { httpStatusCode: 200 }, ContentLength: 3 }, 'iso8601');
    expect(out).toEqual({ ContentLength: 3, Metadata: {} });
  });

  it('keeps nested structures in shape order', () => {
    const out = shapeOutput(GetBucketAcl, { Grants: [{ Permission: 'READ', Grantee: { Type: 'CanonicalUser', ID: 'x' } }], Owner: { ID: 'o' } }, 'iso8601');
    expect(JSON.stringify(out)).toBe('{"Owner":{"ID":"o"},"Grants":[{"Grantee":{"ID":"x","Type":"CanonicalUser"},"Permission":"READ"}]}');
  });
});
