import { isS3kitError } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { ERRORS, S3MockError, isS3MockError } from './errors.js';

describe('S3MockError', () => {
  it('takes status and message from the ERRORS table and keeps the code verbatim', () => {
    const err = new S3MockError('NoSuchKey', { Key: 'a/b' });
    expect(err.code).toBe('NoSuchKey');
    expect(err.status).toBe(404);
    expect(err.message).toBe('The specified key does not exist.');
    expect(err.fields).toEqual({ Key: 'a/b' });
    expect(err.name).toBe('S3MockError');
    expect(isS3kitError(err)).toBe(true);
    expect(isS3MockError(err)).toBe(true);
    expect(err.toJSON().details).toEqual({ status: 404, Key: 'a/b' });
  });

  it('accepts a message override and defaults fields to empty', () => {
    const err = new S3MockError('InvalidArgument', undefined, 'Part number must be an integer');
    expect(err.message).toBe('Part number must be an integer');
    expect(err.fields).toEqual({});
  });

  it('is not fooled by other values', () => {
    expect(isS3MockError(new Error('x'))).toBe(false);
    expect(isS3MockError(null)).toBe(false);
    expect(isS3MockError('NoSuchKey')).toBe(false);
  });

  it('has S3 statuses for the codes a client branches on', () => {
    expect(ERRORS.NoSuchBucket.status).toBe(404);
    expect(ERRORS.NoSuchUpload.status).toBe(404);
    expect(ERRORS.BucketNotEmpty.status).toBe(409);
    expect(ERRORS.BucketAlreadyOwnedByYou.status).toBe(409);
    expect(ERRORS.PreconditionFailed.status).toBe(412);
    expect(ERRORS.NotModified.status).toBe(304);
    expect(ERRORS.InvalidRange.status).toBe(416);
    expect(ERRORS.NotImplemented.status).toBe(501);
    for (const spec of Object.values(ERRORS)) expect(spec.message.length).toBeGreaterThan(0);
  });
});
