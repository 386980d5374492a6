/**
 * The interpreter's open vocabulary, exercised by operations defined here (as a user would with
 * `defineOperation`): list headers, XML attributes and namespaces, text payloads, body documents,
 * host prefixes, timestamp formats, your own codecs and rules, generic constraints and a spec hook.
 * None of these operations needed an interpreter change.
 */
import { ValidationError, createFakeClock } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { EMPTY_ENV } from '../../test/mock-client.js';
import { replayTransport } from '../../test/replay-transport.js';
import type { CannedResponse } from '../../test/replay-transport.js';
import { S3Client } from '../client/s3-client.js';
import { loadXmlParser, parseXml } from '../xml/xml-parser.js';
import { bucketLabel, expectedBucketOwner, header, keyLabel, query, versionIdQuery } from './bindings.js';
import type { Codec } from './codecs.js';
import { defineOperation, struct, wrappedList } from './spec.js';
import type { InputOf } from './spec.js';

// parseXml reads through fast-xml-parser, which the client loads on first need.
await loadXmlParser();

function client(...responses: CannedResponse[]) {
  const transport = replayTransport(...responses);
  const c = new S3Client({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
    transport,
    clock: createFakeClock({ instant: true }),
    config: { env: EMPTY_ENV },
  });
  return { client: c, transport };
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const grantee = struct(
  { ID: 'string', URI: 'string', Type: { shape: 'string', name: 'xsi:type', attribute: true } },
  { prefix: 'xsi', uri: XSI },
);
const policy = struct({
  Owner: struct({ ID: 'string' }),
  Grants: { name: 'AccessControlList', shape: wrappedList(struct({ Grantee: grantee, Permission: 'string' }), 'Grant') },
});

interface Grant {
  Grantee?: { ID?: string; URI?: string; Type: string };
  Permission?: string;
}
interface Policy {
  Owner?: { ID?: string };
  Grants?: Grant[];
}

const PutAcl = defineOperation<{ Bucket: string; Key: string; Policy: Policy; VersionId?: string }, object>({
  name: 'PutAcl',
  method: 'PUT',
  uri: '/{Bucket}/{Key+}?acl',
  input: { Bucket: bucketLabel, Key: keyLabel, Policy: { in: 'payload', kind: 'xml', name: 'AccessControlPolicy', shape: policy }, VersionId: versionIdQuery },
  output: {},
});

const GetAcl = defineOperation<{ Bucket: string }, { Policy?: Policy }>({
  name: 'GetAcl',
  method: 'GET',
  uri: '/{Bucket}?acl',
  input: { Bucket: bucketLabel },
  output: { Policy: { in: 'payload', kind: 'xml', shape: policy } },
});

describe('the interpreter vocabulary', () => {
  it('writes and reads XML attributes with their namespace (ACL grantees, xsi:type)', async () => {
    const body =
      '<AccessControlPolicy><Owner><ID>o</ID></Owner><AccessControlList><Grant>' +
      `<Grantee xmlns:xsi="${XSI}" xsi:type="CanonicalUser"><ID>u1</ID></Grantee><Permission>READ</Permission>` +
      '</Grant></AccessControlList></AccessControlPolicy>';
    const { client: c, transport } = client({ status: 200 }, { status: 200, body });
    const grants: Grant[] = [{ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }];
    await c.send(PutAcl, { Bucket: 'photos', Key: 'a.txt', Policy: { Owner: { ID: 'o' }, Grants: grants } });
    const sent = transport.requests[0]!;
    expect(sent.query).toEqual({ acl: '' });
    expect(sent.body).toContain(`<Grantee xmlns:xsi="${XSI}" xsi:type="Group"><URI>`);
    const doc = parseXml(sent.body as string);
    expect(doc).toMatchObject({ AccessControlPolicy: { AccessControlList: { Grant: { Grantee: { '@xsi:type': 'Group' } } } } });
    const read = await c.send(GetAcl, { Bucket: 'photos' });
    expect(read.Policy).toEqual({ Owner: { ID: 'o' }, Grants: [{ Grantee: { ID: 'u1', Type: 'CanonicalUser' }, Permission: 'READ' }] });
  });

  it('sends list headers joined (quoting items with commas) and reads them back as lists', async () => {
    const Attributes = defineOperation<{ Bucket: string; Key: string; Names: string[] }, { Names?: string[]; When?: Date; Epoch?: Date }>({
      name: 'Attributes',
      method: 'GET',
      uri: '/{Bucket}/{Key+}?attributes',
      input: { Bucket: bucketLabel, Key: keyLabel, Names: { in: 'header', name: 'x-names', list: true, required: true } },
      output: {
        Names: { in: 'header', name: 'x-names', list: true },
        When: { in: 'header', name: 'x-when', type: 'iso8601' },
        Epoch: { in: 'header', name: 'x-epoch', type: 'epoch-seconds' },
      },
    });
    const { client: c, transport } = client({ status: 200, headers: { 'x-names': 'ETag, "a,b", Size', 'x-when': '2031-01-02T03:04:05Z', 'x-epoch': '1700000000' } });
    const out = await c.send(Attributes, { Bucket: 'photos', Key: 'a', Names: ['ETag', 'a,b', 'Size'] });
    expect(transport.requests[0]!.headers['x-names']).toBe('ETag, "a,b", Size');
    expect(out.Names).toEqual(['ETag', 'a,b', 'Size']);
    expect(out.When?.toISOString()).toBe('2031-01-02T03:04:05.000Z');
    expect(out.Epoch?.getTime()).toBe(1_700_000_000_000);
  });

  it('sends and reads text payloads (bucket policies)', async () => {
    const PutPolicy = defineOperation<{ Bucket: string; Policy: string }, object>({
      name: 'PutPolicy',
      method: 'PUT',
      uri: '/{Bucket}?policy',
      input: { Bucket: bucketLabel, Policy: { in: 'payload', kind: 'text', required: true } },
      output: {},
    });
    const GetPolicy = defineOperation<{ Bucket: string }, { Policy?: string }>({
      name: 'GetPolicy',
      method: 'GET',
      uri: '/{Bucket}?policy',
      input: { Bucket: bucketLabel },
      output: { Policy: { in: 'payload', kind: 'text' } },
    });
    const text = '{"Version":"2012-10-17","Statement":[]}';
    const { client: c, transport } = client({ status: 204 }, { status: 200, body: text });
    await c.send(PutPolicy, { Bucket: 'photos', Policy: text });
    expect(transport.requests[0]!.body).toBe(text);
    expect((await c.send(GetPolicy, { Bucket: 'photos' })).Policy).toBe(text);
    await expect(c.send(PutPolicy, { Bucket: 'photos', Policy: {} as unknown as string })).rejects.toBeInstanceOf(ValidationError);
  });

  it('reads a root that is a text element into the member of its name (GetBucketLocation)', async () => {
    const Location = defineOperation<{ Bucket: string }, { LocationConstraint?: string }>({
      name: 'Location',
      method: 'GET',
      uri: '/{Bucket}?location',
      input: { Bucket: bucketLabel },
      output: { LocationConstraint: { in: 'xml', shape: 'string' } },
    });
    const { client: c } = client({ status: 200, body: '<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-1</LocationConstraint>' });
    expect((await c.send(Location, { Bucket: 'photos' })).LocationConstraint).toBe('eu-west-1');
  });

  it('writes a body document of members under an input root (SelectObjectContent)', async () => {
    const Select = defineOperation<{ Bucket: string; Key: string; Expression: string; Range?: { Start?: number } }, object>({
      name: 'Select',
      method: 'POST',
      uri: '/{Bucket}/{Key+}?select&select-type=2',
      inputRoot: { name: 'SelectRequest', namespace: { uri: 'http://s3.amazonaws.com/doc/2006-03-01/' } },
      input: {
        Bucket: bucketLabel,
        Key: keyLabel,
        Expression: { in: 'xml', shape: 'string', required: true },
        Range: { in: 'xml', name: 'ScanRange', shape: struct({ Start: 'long' }) },
      },
      output: {},
    });
    const { client: c, transport } = client({ status: 200 });
    await c.send(Select, { Bucket: 'photos', Key: 'a.csv', Expression: 'SELECT * FROM S3Object', Range: { Start: 5 } });
    const sent = transport.requests[0]!;
    expect(sent.query).toEqual({ select: '', 'select-type': '2' });
    expect(sent.headers['content-type']).toBe('application/xml');
    expect(sent.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><SelectRequest xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        '<Expression>SELECT * FROM S3Object</Expression><ScanRange><Start>5</Start></ScanRange></SelectRequest>',
    );
  });

  it('fills a host prefix from a header label, and refuses a value that is not a host label', async () => {
    const Route = defineOperation<{ Route: string; Body: string }, object>({
      name: 'Route',
      method: 'POST',
      uri: '/Route',
      hostPrefix: '{Route}.',
      input: { Route: { in: 'header', name: 'x-amz-request-route', hostLabel: true, required: true }, Body: { in: 'payload', kind: 'blob' } },
      output: {},
    });
    const { client: c, transport } = client({ status: 200 });
    await c.send(Route, { Route: 'io-abc', Body: 'x' });
    expect(transport.requests[0]).toMatchObject({ hostname: 'io-abc.s3.eu-west-1.amazonaws.com', path: '/Route', body: 'x' });
    await expect(c.send(Route, { Route: 'a.b', Body: 'x' })).rejects.toMatchObject({ code: 'ERR_VALIDATION', field: 'Route' });
  });

  it('takes your own codec and rule, the model constraints, and a cross-member check', async () => {
    const upper: Codec = { encode: (value) => String(value).toUpperCase(), decode: (text) => text.toLowerCase() };
    const even = (value: unknown, member: string): void => {
      if (typeof value !== 'number' || value % 2 !== 0) throw new ValidationError({ field: member, rule: 'must be even', value });
    };
    const Custom = defineOperation<
      { Bucket: string; Mode: string; Count?: number; Label?: string; Since?: Date; Owner?: string },
      { Mode?: string; Seen?: Date }
    >({
      name: 'Custom',
      method: 'GET',
      uri: '/{Bucket}?custom',
      input: {
        Bucket: bucketLabel,
        Mode: { in: 'header', name: 'x-mode', codec: upper, required: true },
        Count: { ...query('count', 'integer'), rule: even, constraints: { min: 2, max: 10 } },
        Label: { in: 'query', name: 'label', constraints: { max: 3, pattern: '^[a-z]+$' } },
        Since: header('x-since', 'http-date'),
        Owner: expectedBucketOwner,
      },
      output: { Mode: { in: 'header', name: 'x-mode', codec: upper }, Seen: { in: 'header', name: 'x-seen', type: 'http-date' } },
      check: (input) => {
        if (input.Mode === 'both' && input.Count !== undefined) throw new ValidationError({ field: 'Count', rule: 'must be absent with Mode both' });
      },
    });
    const { client: c, transport } = client({ status: 200, headers: { 'x-mode': 'FAST', 'x-seen': 'Tue, 02 Jan 2024 03:04:05 GMT' } });
    const since = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    const out = await c.send(Custom, { Bucket: 'photos', Mode: 'fast', Count: 4, Label: 'abc', Since: since, Owner: '123' });
    expect(transport.requests[0]!.headers).toMatchObject({ 'x-mode': 'FAST', 'x-since': 'Tue, 02 Jan 2024 03:04:05 GMT', 'x-amz-expected-bucket-owner': '123' });
    expect(transport.requests[0]!.query).toEqual({ custom: '', count: '4', label: 'abc' });
    expect(out).toMatchObject({ Mode: 'fast', Seen: since });
    const bad = (input: Partial<InputOf<typeof Custom>>) => c.send(Custom, { Bucket: 'photos', Mode: 'fast', ...input });
    await expect(bad({ Count: 3 })).rejects.toMatchObject({ field: 'Count', rule: 'must be even' });
    await expect(bad({ Count: 12 })).rejects.toMatchObject({ field: 'Count', rule: 'must be 2 to 10' });
    await expect(bad({ Label: 'abcd' })).rejects.toMatchObject({ field: 'Label', rule: 'must be at most 3 characters' });
    await expect(bad({ Label: 'AB' })).rejects.toMatchObject({ field: 'Label', rule: 'must match ^[a-z]+$' });
    await expect(bad({ Mode: 'both', Count: 2 })).rejects.toMatchObject({ field: 'Count', rule: 'must be absent with Mode both' });
    expect(transport.requests).toHaveLength(1);
  });
});
