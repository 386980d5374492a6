import { describe, expect, it } from 'vitest';
import { checkContentRange, parseContentRange } from './content-range.js';

describe('parseContentRange', () => {
  it('reads bytes ranges, with a known or unknown size', () => {
    expect(parseContentRange('bytes 0-99/1000')).toEqual({ start: 0, end: 99, size: 1000 });
    expect(parseContentRange(' BYTES 5-5/*')).toEqual({ start: 5, end: 5, size: undefined });
  });

  it('refuses what is not a satisfiable bytes range', () => {
    for (const bad of ['bytes */1000', 'items 0-1/2', 'bytes 10-5/100', 'bytes 0-100/100', 'bytes 0-1', '']) expect(parseContentRange(bad), bad).toBeUndefined();
  });
});

describe('checkContentRange', () => {
  it('accepts the range asked for, and no header only for the whole object', () => {
    expect(() => {
      checkContentRange({ start: 10, end: 20 }, 100, 'bytes 10-19/100', 'GetObject');
      checkContentRange({ start: 0, end: 100 }, 100, undefined, 'GetObject');
    }).not.toThrow();
  });

  it('throws a retryable ERR_INTEGRITY naming both ranges otherwise', () => {
    expect(() => {
      checkContentRange({ start: 10, end: 20 }, 100, 'bytes 0-9/100', 'GetObject s3://b/k');
    }).toThrow(expect.objectContaining({ code: 'ERR_INTEGRITY', retryable: true, message: 'GetObject s3://b/k: asked for bytes 10-19/100, got bytes 0-9/100' }));
    expect(() => {
      checkContentRange({ start: 10, end: 20 }, 100, undefined, 'GetObject');
    }).toThrow(expect.objectContaining({ code: 'ERR_INTEGRITY', retryable: true }));
    expect(() => {
      checkContentRange({ start: 0, end: 100 }, 100, 'garbage', 'GetObject');
    }).toThrow(expect.objectContaining({ code: 'ERR_INTEGRITY' }));
  });
});
