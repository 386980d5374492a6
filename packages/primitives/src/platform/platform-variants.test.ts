import { describe, expect, it } from 'vitest';
import * as defaultTransportNode from './default-transport.node.js';
import * as defaultTransportWeb from './default-transport.web.js';
import * as diagnosticsNode from './diagnostics.node.js';
import * as diagnosticsWeb from './diagnostics.web.js';
import * as filesNode from './files.node.js';
import * as filesWeb from './files.web.js';
import * as undiciNode from './undici-transport.node.js';
import * as undiciWeb from './undici-transport.web.js';

// Type checking sees the node variant only (package.json `types`), so the web one must match it by hand.
describe('#platform variants export the same names', () => {
  it.each([
    ['default-transport', defaultTransportNode, defaultTransportWeb],
    ['diagnostics', diagnosticsNode, diagnosticsWeb],
    ['files', filesNode, filesWeb],
    ['undici-transport', undiciNode, undiciWeb],
  ])('%s', (_name, node, web) => {
    expect(Object.keys(web).sort()).toEqual(Object.keys(node).sort());
  });
});

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
