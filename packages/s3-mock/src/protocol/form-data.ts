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

const malformed = (message: string): S3ProtocolError => S3ProtocolError.of('MalformedPOSTRequest', {}, message);

/**
 * Parses a form body.
 * @throws S3ProtocolError `MalformedPOSTRequest` (no boundary, bad framing)
 */
export function parseFormData(contentType: string, body: Uint8Array): FormData {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) throw malformed('The body of your POST request is not well-formed multipart/form-data.');
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${marker}`);
  const form: FormData = { fields: new Map() };
  let pos = buf.indexOf(delimiter);
  if (pos < 0) throw malformed('The body of your POST request is not well-formed multipart/form-data.');
  for (;;) {
    pos += delimiter.length;
    if (buf.subarray(pos, pos + 2).toString('latin1') === '--') return form;
    if (buf.subarray(pos, pos + 2).toString('latin1') !== '\r\n') throw malformed('The body of your POST request is not well-formed multipart/form-data.');
    pos += 2;
    const headerEnd = buf.indexOf('\r\n\r\n', pos, 'latin1');
    if (headerEnd < 0) throw malformed('The body of your POST request is not well-formed multipart/form-data.');
    const headers = buf.subarray(pos, headerEnd).toString('utf8');
    const next = buf.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) throw malformed('The body of your POST request is not well-formed multipart/form-data.');
    const content = buf.subarray(headerEnd + 4, next);
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) throw malformed('The body of your POST request is not well-formed multipart/form-data.');
    if (name.toLowerCase() === 'file') {
      const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
      const type = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim();
      form.file = { bytes: new Uint8Array(content), ...(filename === undefined ? {} : { filename }), ...(type === undefined ? {} : { contentType: type }) };
      return form;
    }
    form.fields.set(name.toLowerCase(), { name, value: content.toString('utf8') });
    pos = next + 2;
  }
}
