import { describe, expect, it } from 'vitest';
import { formatS3Url, isS3Url, parseS3Url } from './s3-url.js';

describe('S3 URLs', () => {
  it('parses bucket and key', () => {
    expect(parseS3Url('s3://photos')).toEqual({ bucket: 'photos', key: '' });
    expect(parseS3Url('s3://photos/')).toEqual({ bucket: 'photos', key: '' });
    expect(parseS3Url('s3://photos/2024/a b.jpg')).toEqual({ bucket: 'photos', key: '2024/a b.jpg' });
    expect(formatS3Url({ bucket: 'photos', key: 'a' })).toBe('s3://photos/a');
    expect(isS3Url('./photos')).toBe(false);
  });

  it('says what to write instead of a bad URL', () => {
    expect(() => parseS3Url('photos/a')).toThrow('"photos/a" is not an S3 URL');
    expect(() => parseS3Url('s3:///key')).toThrow('"s3:///key" has no bucket name');
  });
});
