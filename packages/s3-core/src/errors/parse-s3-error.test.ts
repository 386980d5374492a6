import { REDACTED, S3kitError, classifyError, isS3kitError } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { STATUS_ERROR_CODES, UNKNOWN_ERROR_CODE, isS3ErrorBody, parseS3Error } from './parse-s3-error.js';
import { S3ServiceError, isNotFoundError, isS3ServiceError } from './s3-service-error.js';
import { loadXmlParser } from '../xml/xml-parser.js';

// parseXml reads through fast-xml-parser, which the client loads on first need.
await loadXmlParser();

const NO_SUCH_KEY = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>NoSuchKey</Code>
  <Message>The specified key does not exist.</Message>
  <Key>a.jpg</Key>
  <RequestId>4442587FB7D0A2F9</RequestId>
  <HostId>host-id-2</HostId>
</Error>`;

describe('parseS3Error', () => {
  it('reads an <Error> body into code, message, ids and details, with a message that says where', () => {
    const err = parseS3Error({ statusCode: 404, headers: {}, bodyText: NO_SUCH_KEY }, { operation: 'GetObject', bucket: 'photos', key: 'a.jpg' });
    expect(err).toBeInstanceOf(S3ServiceError);
    expect(err).toBeInstanceOf(S3kitError);
    expect(err.message).toBe('GetObject photos/a.jpg failed: NoSuchKey (404): The specified key does not exist. request id 4442587FB7D0A2F9');
    expect(err).toMatchObject({ code: 'NoSuchKey', statusCode: 404, requestId: '4442587FB7D0A2F9', hostId: 'host-id-2', operation: 'GetObject', bucket: 'photos', key: 'a.jpg', retryable: false });
    expect(err.name).toBe('S3ServiceError');
    expect(err.details).toEqual({ statusCode: 404, Key: 'a.jpg' });
    expect(isS3ServiceError(err)).toBe(true);
    expect(isNotFoundError(err)).toBe(true);
  });

  it('takes request ids and region from headers when the body has none', () => {
    const err = parseS3Error(
      { statusCode: 403, headers: { 'x-amz-request-id': 'RID', 'x-amz-id-2': 'HID', 'x-amz-bucket-region': 'eu-central-1' }, bodyText: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>' },
      { operation: 'ListObjectsV2', bucket: 'b' },
    );
    expect(err).toMatchObject({ code: 'AccessDenied', requestId: 'RID', hostId: 'HID', region: 'eu-central-1' });
    expect(err.message).toBe('ListObjectsV2 b failed: AccessDenied (403): Access Denied. request id RID');
  });

  it('keeps Endpoint of a 301 and Region of AuthorizationHeaderMalformed', () => {
    const redirect = parseS3Error(
      { statusCode: 301, headers: { 'x-amz-bucket-region': 'eu-central-1' }, bodyText: '<Error>    <Code>PermanentRedirect</Code>    <Message>Use the   specified endpoint.   </Message><Bucket>foo</Bucket><Endpoint>foo.s3.eu-central-1.amazonaws.com</Endpoint></Error>' },
      { operation: 'ListObjects', bucket: 'foo' },
    );
    expect(redirect.details).toMatchObject({ Endpoint: 'foo.s3.eu-central-1.amazonaws.com', Bucket: 'foo' });
    expect(redirect.serviceMessage).toBe('Use the specified endpoint.');
    expect(redirect.region).toBe('eu-central-1');
    const malformed = parseS3Error({ statusCode: 400, headers: {}, bodyText: '<Error><Code>AuthorizationHeaderMalformed</Code><Region>eu-central-1</Region><HostId></HostId></Error>' });
    expect(malformed.region).toBe('eu-central-1');
    expect(malformed.hostId).toBeUndefined();
    expect(malformed.message).toBe('S3 request failed: AuthorizationHeaderMalformed (400)');
  });

  it('redacts SignatureProvided and access key ids but keeps StringToSign and CanonicalRequest', () => {
    const body = `<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message>
      <AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\nabc</StringToSign>
      <SignatureProvided>98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd</SignatureProvided>
      <CanonicalRequest>GET\n/a.jpg\n\nhost:b.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD</CanonicalRequest></Error>`;
    const err = parseS3Error({ statusCode: 403, headers: {}, bodyText: body }, { operation: 'GetObject', bucket: 'b', key: 'a.jpg' });
    expect(err.details?.SignatureProvided).toBe(REDACTED);
    expect(err.details?.AWSAccessKeyId).toBe(REDACTED);
    expect(err.details?.StringToSign).toContain('20130524/us-east-1/s3/aws4_request');
    expect(err.details?.CanonicalRequest).toContain('UNSIGNED-PAYLOAD');
    const everything = `${JSON.stringify(err.toJSON())} ${err.message} ${err.stack ?? ''}`;
    expect(everything).not.toContain('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
    expect(everything).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(err.retryable).toBe(false);
    expect(classifyError(err)).toBe('clock-skew');
  });

  it('maps bodiless responses (HEAD) by status', () => {
    const cases: [number, string][] = [[404, 'NotFound'], [403, 'Forbidden'], [301, 'PermanentRedirect'], [412, 'PreconditionFailed'], [304, 'NotModified'], [503, 'ServiceUnavailable'], [418, UNKNOWN_ERROR_CODE]];
    for (const [statusCode, code] of cases) {
      const err = parseS3Error({ statusCode, headers: { 'x-amz-request-id': 'R1', 'x-amz-bucket-region': 'us-west-2' }, bodyText: '' }, { operation: 'HeadObject', bucket: 'b', key: 'k' });
      expect(err.code).toBe(code);
      expect(err.statusCode).toBe(statusCode);
      expect(err.region).toBe('us-west-2');
    }
    const notFound = parseS3Error({ statusCode: 404, headers: { 'x-amz-request-id': 'R1' }, bodyText: '' }, { operation: 'HeadObject', bucket: 'b', key: 'k' });
    expect(notFound.message).toBe('HeadObject b/k failed: NotFound (404). request id R1');
    expect(isNotFoundError(notFound)).toBe(true);
    expect(STATUS_ERROR_CODES[404]).toBe('NotFound');
  });

  it('reports a non-XML body (proxy HTML) as UnknownError with the status and a redacted snippet', () => {
    const html = '<html><body><h1>502 Bad Gateway</h1><a href="https://x/?X-Amz-Signature=deadbeef">x</a></body></html>';
    const err = parseS3Error({ statusCode: 502, headers: {}, bodyText: html }, { operation: 'PutObject', key: 'k' });
    expect(err.code).toBe(UNKNOWN_ERROR_CODE);
    expect(err.statusCode).toBe(502);
    expect(err.retryable).toBe(true);
    expect(String(err.details?.body)).toContain('502 Bad Gateway');
    expect(String(err.details?.body)).not.toContain('deadbeef');
    expect(err.message).toBe('PutObject k failed: UnknownError (502)');
    const text = parseS3Error({ statusCode: 500, headers: {}, bodyText: 'upstream timed out' });
    expect(text.code).toBe(UNKNOWN_ERROR_CODE);
    const truncated = parseS3Error({ statusCode: 500, headers: {}, bodyText: '<Error><Code>InternalErr' });
    expect(truncated.code).toBe(UNKNOWN_ERROR_CODE);
  });

  it('uses the status code table when the <Error> has no Code, and reads <ErrorResponse> wrappers', () => {
    expect(parseS3Error({ statusCode: 409, headers: {}, bodyText: '<Error><Message>m</Message></Error>' }).code).toBe('Conflict');
    expect(parseS3Error({ statusCode: 499, headers: {}, bodyText: '<Error></Error>' }).code).toBe(UNKNOWN_ERROR_CODE);
    const wrapped = parseS3Error({ statusCode: 400, headers: {}, bodyText: '<ErrorResponse><Error><Code>InvalidArgument</Code></Error><RequestId>r</RequestId></ErrorResponse>' });
    expect(wrapped.code).toBe('InvalidArgument');
  });

  it('marks throttling and transient errors retryable and reads Retry-After', () => {
    const slow = parseS3Error({ statusCode: 503, headers: { 'retry-after': '3' }, bodyText: '<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>' });
    expect(slow.retryable).toBe(true);
    expect(slow.retryAfterMs).toBe(3000);
    expect(classifyError(slow)).toBe('throttling');
    const at = parseS3Error({ statusCode: 503, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:05 GMT' }, bodyText: '' }, { now: Date.parse('Wed, 21 Oct 2015 07:28:00 GMT') });
    expect(at.retryAfterMs).toBe(5000);
    const internal = parseS3Error({ statusCode: 200, headers: {}, bodyText: '<Error><Code>InternalError</Code></Error>' }, { operation: 'CompleteMultipartUpload' });
    expect(internal.retryable).toBe(true);
    expect(internal.statusCode).toBe(200);
    expect(parseS3Error({ statusCode: 400, headers: {}, bodyText: '<Error><Code>InvalidPart</Code></Error>' }).retryable).toBe(false);
  });
});

describe('isS3ErrorBody', () => {
  it('recognizes <Error> documents with or without declaration and leading whitespace', () => {
    expect(isS3ErrorBody('<Error><Code>SlowDown</Code></Error>')).toBe(true);
    expect(isS3ErrorBody('\n\n  <?xml version="1.0" encoding="UTF-8"?>\n\n<Error>\n<Code>InternalError</Code></Error>')).toBe(true);
    expect(isS3ErrorBody('\uFEFF<Error xmlns="x"><Code>A</Code></Error>')).toBe(true);
  });

  it('does not mistake results that merely contain an Error element', () => {
    expect(isS3ErrorBody('<?xml version="1.0"?><DeleteResult><Error><Key>k</Key></Error></DeleteResult>')).toBe(false);
    expect(isS3ErrorBody('<CopyObjectResult><ETag>x</ETag></CopyObjectResult>')).toBe(false);
    expect(isS3ErrorBody('<ErrorDocument/>')).toBe(false);
    expect(isS3ErrorBody('')).toBe(false);
    expect(isS3ErrorBody(`<CompleteMultipartUploadResult>${' '.repeat(1000)}<Error>`)).toBe(false);
  });
});

describe('S3ServiceError', () => {
  it('is recognized across copies by brand and name, not by instanceof', () => {
    const foreign = Object.assign(Object.create(null) as object, { name: 'S3ServiceError', statusCode: 404, [Symbol.for('@s3kit/error')]: true });
    expect(isS3ServiceError(foreign)).toBe(true);
    expect(isS3ServiceError(new S3kitError('x', { code: 'NoSuchKey' }))).toBe(false);
    expect(isS3ServiceError({ name: 'S3ServiceError', statusCode: 404 })).toBe(false);
    expect(isS3kitError(new S3ServiceError({ code: 'X', statusCode: 400 }))).toBe(true);
  });

  it('never puts a secret from the context into its message', () => {
    const err = new S3ServiceError({ code: 'AccessDenied', statusCode: 403, operation: 'GetObject', key: 'x?X-Amz-Signature=abcdef0123&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F2013' });
    expect(err.message).not.toContain('abcdef0123');
    expect(err.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('ends the message cleanly when S3 message ends without a period', () => {
    const err = new S3ServiceError({ code: 'X', statusCode: 400, serviceMessage: 'no period', requestId: 'R' });
    expect(err.message).toBe('S3 request failed: X (400): no period. request id R');
    expect(new S3ServiceError({ code: 'X', statusCode: 400, key: 'k' }).message).toBe('S3 request k failed: X (400)');
  });
});
