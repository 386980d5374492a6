/**
 * `multipart/form-data` bodies of browser-form POST uploads: the fields before the file (names
 * compared case-insensitively, as S3 does) and the file. Fields after the file are ignored, as S3
 * ignores them.
 */
import { S3ProtocolError } from './protocol-error.js';

/** A parsed form. */
export interface FormData {
  /** Fields by lower-case name: the name as sent and its value. */
  fields: Map<string, { name: string; value: string }>;
  /** The `file` field, if the form has one. */
  file?: { filename?: string; contentType?: string; bytes: Uint8Array };
}

const CR = 0x0d;
const LF = 0x0a;
const DASH = 0x2d;
const HEADER_END = new Uint8Array([CR, LF, CR, LF]);
const utf8 = new TextDecoder();

const latin1Bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

/** Where `needle` first occurs in `haystack` at or after `from`; `-1` when it does not. */
function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  const last = haystack.byteLength - needle.byteLength;
  outer: for (let i = haystack.indexOf(first ?? 0, from); i >= 0 && i <= last; i = haystack.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < needle.byteLength; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const malformed = (message: string): S3ProtocolError => S3ProtocolError.of('MalformedPOSTRequest', {}, message);

/**
 * Parses a form body.
 * @throws S3ProtocolError `MalformedPOSTRequest` (no boundary, bad framing)
 */
export function parseFormData(contentType: string, body: Uint8Array): FormData {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) throw malformed('The body of your POST request is not well-formed multipart/form-data.');
  const delimiter = latin1Bytes(`--${marker}`);
  const nextDelimiter = latin1Bytes(`\r\n--${marker}`);
  const form: FormData = { fields: new Map() };
  let pos = indexOf(body, delimiter, 0);
  if (pos < 0) throw malformed('The body of your POST request is not well-formed multipart/form-data.');
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === DASH && body[pos + 1] === DASH) return form;
    if (body[pos] !== CR || body[pos + 1] !== LF) throw malformed('The body of your POST request is not well-formed multipart/form-data.');
    pos += 2;
    const headerEnd = indexOf(body, HEADER_END, pos);
    if (headerEnd < 0) throw malformed('The body of your POST request is not well-formed multipart/form-data.');
    const headers = utf8.decode(body.subarray(pos, headerEnd));
    const next = indexOf(body, nextDelimiter, headerEnd + 4);
    if (next < 0) throw malformed('The body of your POST request is not well-formed multipart/form-data.');
    const content = body.subarray(headerEnd + 4, next);
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) throw malformed('The body of your POST request is not well-formed multipart/form-data.');
    if (name.toLowerCase() === 'file') {
      const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
      const type = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim();
      form.file = { bytes: new Uint8Array(content), ...(filename === undefined ? {} : { filename }), ...(type === undefined ? {} : { contentType: type }) };
      return form;
    }
    form.fields.set(name.toLowerCase(), { name, value: utf8.decode(content) });
    pos = next + 2;
  }
}
