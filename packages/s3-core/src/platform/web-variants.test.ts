import { createHash as nodeCreateHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as hashesWeb from './hashes.web.js';
import * as crcWeb from './native-crc32.web.js';
import * as streamsWeb from './node-streams.web.js';
import * as runtimeWeb from './runtime-info.web.js';

describe('web variants', () => {
  it('hashes digest as node:crypto does, as bytes or hex', () => {
    for (const algorithm of ['md5', 'sha1', 'sha256']) {
      const expected = nodeCreateHash(algorithm).update('part one').update(new Uint8Array([1, 2, 3])).digest('hex');
      expect(hashesWeb.createHash(algorithm).update('part one').update(new Uint8Array([1, 2, 3])).digest('hex')).toBe(expected);
      expect(Buffer.from(hashesWeb.createHash(algorithm).update('part one').update(new Uint8Array([1, 2, 3])).digest()).toString('hex')).toBe(expected);
    }
  });

  it('there is no native CRC32, so the JavaScript tables are used', () => {
    expect(crcWeb.nativeCrc32).toBeUndefined();
  });

  it('Node streams and files throw ERR_CONFIG pointing at toWebStream()', async () => {
    expect(() => streamsWeb.createWriteStream('/tmp/x')).toThrow(expect.objectContaining({ code: 'ERR_CONFIG', message: expect.stringContaining('toWebStream()') }));
    expect(() => streamsWeb.Readable.from([])).toThrow(expect.objectContaining({ code: 'ERR_CONFIG' }));
    await expect(streamsWeb.pipeline()).rejects.toMatchObject({ code: 'ERR_CONFIG' });
  });

  it('the User-Agent says web, without a package version it cannot read', () => {
    expect(runtimeWeb.runtimeInfo()).toBe('web');
    expect(runtimeWeb.packageVersion()).toBe('unknown');
  });
});
