import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, bytesToHex, bytesToLatin1, hexToBytes, utf8ByteLength, utf8Bytes } from './byte-encoding.js';

describe('byte encodings', () => {
  it('agree with Buffer for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const buffer = Buffer.from(bytes);
        expect(bytesToBase64(bytes)).toBe(buffer.toString('base64'));
        expect(bytesToHex(bytes)).toBe(buffer.toString('hex'));
        expect(bytesToLatin1(bytes)).toBe(buffer.toString('latin1'));
        expect(base64ToBytes(buffer.toString('base64'))).toEqual(bytes);
        expect(hexToBytes(buffer.toString('hex').toUpperCase())).toEqual(bytes);
      }),
    );
  });

  it('utf8ByteLength agrees with Buffer.byteLength, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
        expect(utf8Bytes(text).byteLength).toBe(Buffer.byteLength(text, 'utf8'));
      }),
    );
    expect(utf8ByteLength('\ud800x')).toBe(4);
  });

  it('answers undefined for text that is not base64 or hex', () => {
    expect(base64ToBytes('***')).toBeUndefined();
    expect(hexToBytes('abc')).toBeUndefined();
    expect(hexToBytes('zz')).toBeUndefined();
  });

  it('converts more than one String.fromCharCode batch', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 251);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
