import { describe, expect, it } from 'vitest';
import * as defaultTransportNode from './default-transport.node.js';
import * as defaultTransportWeb from './default-transport.web.js';
import * as filesWeb from './files.web.js';
import * as undiciWeb from './undici-transport.web.js';

describe('web variants', () => {
  it('createUndiciTransport says undici needs Node (ERR_CONFIG)', () => {
    expect(() => undiciWeb.createUndiciTransport()).toThrow(expect.objectContaining({ code: 'ERR_CONFIG' }));
  });

  it('the default transport is fetch on the web and undici on Node', () => {
    expect(defaultTransportWeb.DEFAULT_TRANSPORT).toBe('fetch');
    expect(typeof defaultTransportWeb.createDefaultTransport().send).toBe('function');
    expect(defaultTransportNode.DEFAULT_TRANSPORT).toBe('undici');
  });

  it('files read as missing (ENOENT) and there is no home directory', async () => {
    await expect(filesWeb.readTextFile('/etc/hostname', { encoding: 'utf8' })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(filesWeb.homedir()).toBe('');
    expect(filesWeb.joinPath('', 'a', 'b')).toBe('a/b');
  });
});
