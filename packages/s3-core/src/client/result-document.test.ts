import { describe, expect, it } from 'vitest';
import { checkResultDocument } from './result-document.js';

const spec = { name: 'CopyObject', root: 'CopyObjectResult', errorIn200: true } as const;

describe('checkResultDocument', () => {
  it('accepts the result document, with a declaration, comments or a namespace prefix', () => {
    expect(() => {
      checkResultDocument(spec, '<?xml version="1.0" encoding="UTF-8"?>\n<CopyObjectResult><ETag>"x"</ETag></CopyObjectResult>');
      checkResultDocument(spec, '<!-- proxy --><s3:CopyObjectResult xmlns:s3="x"/>');
      checkResultDocument({ ...spec, errorIn200: false }, '');
      checkResultDocument({ name: 'CompleteMultipartUpload', errorIn200: true }, '<CompleteMultipartUploadResult/>');
    }).not.toThrow();
  });

  it('names what came instead', () => {
    expect(() => {
      checkResultDocument(spec, 'not xml');
    }).toThrow('CopyObject answered 200 with a body that is not XML instead of <CopyObjectResult>');
    expect(() => {
      checkResultDocument(spec, '<Other/>');
    }).toThrow('a <Other> document');
    expect(() => {
      checkResultDocument({ name: 'CompleteMultipartUpload', errorIn200: true }, '');
    }).toThrow('CompleteMultipartUpload answered 200 with an empty body instead of its result document');
  });
});
