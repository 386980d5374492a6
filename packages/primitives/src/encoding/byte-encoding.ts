/**
 * Base64, hex, UTF-8 and Latin-1 conversions of bytes without `Buffer`, so code that runs in browsers
 * and workerd can use them (`btoa`/`atob`, `TextEncoder` and `TextDecoder` exist in every runtime).
 */

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Latin-1 text of bytes (one character per byte). */
export function bytesToLatin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.byteLength; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

/** Standard base64 (with padding) of bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  return btoa(bytesToLatin1(bytes));
}

/**
 * Bytes of standard base64 text; `undefined` when the text is not base64 (so callers can raise their
 * own typed error).
 */
export function base64ToBytes(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Lower-case hex of bytes. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += HEX[byte]!;
  return out;
}

/** Bytes of hex text (either case); `undefined` when the text is not an even number of hex digits. */
export function hexToBytes(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** UTF-8 bytes of text. */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Length in bytes of text encoded as UTF-8 (lone surrogates count 3, as `TextEncoder` writes U+FFFD). */
export function utf8ByteLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) length += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 2; // the pair takes 4 bytes for 2 units
      i++;
    } else length += 2;
  }
  return length;
}
