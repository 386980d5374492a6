import { createHash as nodeCreateHash } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32Table } from '../protocol/crc32-table.js';
import * as cryptoWeb from './mock-crypto.web.js';
import * as serverWeb from './mock-server.web.js';

describe('web variants of the mock', () => {
  it('hash as node:crypto does: raw, hex and base64 digests', () => {
    for (const algorithm of ['md5', 'sha1', 'sha256']) {
      const node = nodeCreateHash(algorithm).update('body').update(new Uint8Array([0, 255]));
      const web = () => cryptoWeb.createHash(algorithm).update('body').update(new Uint8Array([0, 255]));
      const expected = node.digest();
      expect(Buffer.from(web().digest())).toEqual(expected);
      expect(web().digest('hex')).toBe(expected.toString('hex'));
      expect(web().digest('base64')).toBe(expected.toString('base64'));
    }
  });

  it('the table CRC32 agrees with zlib, continuing across pieces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (data, cut) => {
        const at = Math.min(cut, data.length);
        expect(crc32Table(data.subarray(at), crc32Table(data.subarray(0, at)))).toBe(zlibCrc32(data));
      }),
    );
    expect(cryptoWeb.crc32).toBe(crc32Table);
  });

  it('there is no HTTP server: both entry points reject with ERR_CONFIG pointing at mock.transport', async () => {
    await expect(serverWeb.listenS3Mock()).rejects.toMatchObject({ code: 'ERR_CONFIG', message: expect.stringContaining('mock.transport') });
    await expect(serverWeb.startS3MockServer()).rejects.toMatchObject({ code: 'ERR_CONFIG' });
  });
});
