import { createHash as nodeCreateHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as cryptoWeb from './transfer-crypto.web.js';
import * as filesWeb from './node-files.web.js';

describe('web variants', () => {
  it('MD5 as node:crypto computes it; random ids are v4 UUIDs', () => {
    expect(cryptoWeb.createHash('md5').update('abc').update(new Uint8Array([1])).digest('hex')).toBe(nodeCreateHash('md5').update('abc').update(new Uint8Array([1])).digest('hex'));
    expect(cryptoWeb.randomUUID()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('every file and path operation fails with ERR_CONFIG naming the web alternatives', async () => {
    expect(() => filesWeb.fs.stat()).toThrow(expect.objectContaining({ code: 'ERR_CONFIG', message: expect.stringContaining('WritableStream') }));
    expect(() => filesWeb.nodePath.resolve()).toThrow(expect.objectContaining({ code: 'ERR_CONFIG' }));
    expect(() => filesWeb.nodePath.posix.join()).toThrow(expect.objectContaining({ code: 'ERR_CONFIG' }));
    for (const call of Object.values(filesWeb.fsp)) await expect(call()).rejects.toMatchObject({ code: 'ERR_CONFIG' });
  });
});
