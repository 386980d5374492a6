import fc from 'fast-check';
import { isValidationError } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { loadXmlParser, parseXml } from './xml-parser.js';
import type { XmlObject } from './xml-parser.js';
import { S3_XML_NAMESPACE, buildXml } from './xml-writer.js';

// parseXml reads through fast-xml-parser, which the client loads on first need.
await loadXmlParser();

describe('buildXml', () => {
  it('writes CompleteMultipartUpload with the S3 namespace and repeated parts', () => {
    const xml = buildXml('CompleteMultipartUpload', {
      Part: [
        { PartNumber: 1, ETag: '"a54357aff0632cce46d942af68356b38"', ChecksumCRC64NVME: undefined },
        { PartNumber: 2, ETag: '"0c78aef83f66abc1fa1e8477f296d394"' },
      ],
    });
    expect(xml).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload xmlns="${S3_XML_NAMESPACE}">` +
        '<Part><PartNumber>1</PartNumber><ETag>&quot;a54357aff0632cce46d942af68356b38&quot;</ETag></Part>' +
        '<Part><PartNumber>2</PartNumber><ETag>&quot;0c78aef83f66abc1fa1e8477f296d394&quot;</ETag></Part></CompleteMultipartUpload>',
    );
  });

  it('writes DeleteObjects keys with CR/LF as character references, booleans and nulls', () => {
    const xml = buildXml('Delete', { Object: [{ Key: 'a\r\nb & <c>' }, { Key: "it's", VersionId: null }], Quiet: true }, { declaration: false, namespace: false });
    expect(xml).toBe("<Delete><Object><Key>a&#xD;&#xA;b &amp; &lt;c&gt;</Key></Object><Object><Key>it&apos;s</Key></Object><Quiet>true</Quiet></Delete>");
  });

  it('writes Tagging, CreateBucketConfiguration, dates, bigints and empty elements', () => {
    expect(buildXml('Tagging', { TagSet: { Tag: [{ Key: 'k', Value: '' }] } }, { declaration: false })).toBe(
      `<Tagging xmlns="${S3_XML_NAMESPACE}"><TagSet><Tag><Key>k</Key><Value></Value></Tag></TagSet></Tagging>`,
    );
    expect(buildXml('CreateBucketConfiguration', { LocationConstraint: 'eu-west-1' }, { declaration: false })).toBe(
      `<CreateBucketConfiguration xmlns="${S3_XML_NAMESPACE}"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>`,
    );
    expect(buildXml('R', { D: new Date(Date.UTC(2024, 0, 2)), N: 12n, E: {} }, { declaration: false, namespace: false })).toBe(
      '<R><D>2024-01-02T00:00:00.000Z</D><N>12</N><E/></R>',
    );
    expect(buildXml('R', {}, { declaration: false, namespace: false })).toBe('<R/>');
  });

  it('writes attributes given with an @ prefix (ACL grantees)', () => {
    const xml = buildXml('Grantee', { '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', '@xsi:type': 'CanonicalUser', '@skip': undefined, ID: 'x' }, { declaration: false, namespace: false });
    expect(xml).toBe('<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>x</ID></Grantee>');
  });

  it('refuses names that are not XML names', () => {
    let caught: unknown;
    try {
      buildXml('R', { 'bad name': 'x' });
    } catch (err) {
      caught = err;
    }
    expect(isValidationError(caught)).toBe(true);
    expect(() => buildXml('R', { '@bad attr': 'x' })).toThrow(/XML name/);
  });

  it('round-trips any key through parseXml unchanged (CR, LF, controls, entities, spaces, Unicode)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { minLength: 1, maxLength: 5 }), (keys) => {
        const well = keys.filter((k) => !/[\uD800-\uDFFF]/.test(k));
        const xml = buildXml('Delete', { Object: well.map((Key) => ({ Key })) });
        const doc = parseXml(xml, { arrayPaths: new Set(['Delete.Object']) });
        const objects = ((doc.Delete as XmlObject).Object ?? []) as XmlObject[];
        expect(objects.map((o) => o.Key)).toEqual(well);
      }),
      { numRuns: 300 },
    );
  });
});
