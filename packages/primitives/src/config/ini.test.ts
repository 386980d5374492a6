import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAbortError, isConfigError } from '../errors/errors.js';
import type { ConfigError } from '../errors/errors.js';
import type { ConfigFileSystem, IniSection } from './ini.js';
import {
  expandPath,
  loadSharedConfigFiles,
  nodeConfigFileSystem,
  parseIni,
  resolveHomeDir,
  splitSectionHeader,
} from './ini.js';

const config = (text: string) => parseIni(text, { fileKind: 'config', fileName: '~/.aws/config' });
const credentials = (text: string) => parseIni(text, { fileKind: 'credentials', fileName: '~/.aws/credentials' });

function parseError(text: string): ConfigError {
  try {
    config(text);
  } catch (err) {
    if (isConfigError(err)) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('parseIni sections', () => {
  // botocore configloader.build_profile_map: [default] and [profile x] are profiles, other sections are not.
  it('maps [default] and [profile name] to profiles in the config file and ignores bare [name]', () => {
    const parsed = config('[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-1\n[dev2]\nregion = x\n[preview]\ncloudfront = true\n');
    expect(parsed.profiles).toEqual({ default: { region: 'us-east-1' }, dev: { region: 'eu-west-1' } });
    expect(parsed.sources).toEqual({ default: '~/.aws/config [default]', dev: '~/.aws/config [profile dev]' });
  });

  // botocore session.full_config feeds raw_config_parse(credentials) section names straight in as profiles.
  it('uses every credentials-file section name verbatim as a profile', () => {
    const parsed = credentials('[default]\naws_access_key_id = A\n[dev]\naws_access_key_id = B\n[profile x]\naws_access_key_id = C\n');
    expect(Object.keys(parsed.profiles)).toEqual(['default', 'dev', 'profile x']);
    expect(parsed.ssoSessions).toEqual({});
    expect(parsed.services).toEqual({});
  });

  // botocore build_profile_map (sso-session and services keys) and smithy IniSectionType.
  it('keeps [sso-session x] and [services x] apart from profiles', () => {
    const parsed = config(
      '[profile dev]\nsso_session = corp\nservices = local\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n' +
        '[services local]\ns3 =\n  endpoint_url = http://127.0.0.1:9000\n',
    );
    expect(parsed.profiles).toEqual({ dev: { sso_session: 'corp', services: 'local' } });
    expect(parsed.ssoSessions).toEqual({ corp: { sso_start_url: 'https://corp.awsapps.com/start', sso_region: 'us-east-1' } });
    expect(parsed.services).toEqual({ local: { s3: { endpoint_url: 'http://127.0.0.1:9000' } } });
  });

  // botocore build_profile_map assigns sections in file order, so the later header wins whole.
  it('lets the later of [default] and [profile default] win whole, as botocore does', () => {
    expect(config('[default]\nregion = a\noutput = json\n[profile default]\nregion = b\n').profiles.default).toEqual({ region: 'b' });
    expect(config('[profile default]\nregion = b\n[default]\nregion = a\noutput = json\n').profiles.default).toEqual({
      region: 'a',
      output: 'json',
    });
  });

  // botocore uses shlex.split on the header: quotes group words, extra spaces are fine.
  it('splits profile headers like shlex: quotes, repeated spaces', () => {
    const parsed = config('[profile "my profile"]\na = 1\n[profile   spaced]\na = 2\n[profile \'single q\']\na = 3\n');
    expect(Object.keys(parsed.profiles)).toEqual(['my profile', 'spaced', 'single q']);
  });

  // botocore skips headers whose shlex split is not exactly two words or fails (unclosed quote).
  it('ignores [profile], [profile a b] and [profile "unclosed]', () => {
    expect(config('[profile]\na = 1\n[profile a b]\na = 2\n[profile "x]\na = 3\n').profiles).toEqual({});
  });

  it('ignores a header whose first word is not a known prefix', () => {
    expect(config('[profilex dev]\na = 1\n[sso dev]\na = 1\n').profiles).toEqual({});
  });

  // smithy parseIni.spec "returns data for character '%s' in profile name".
  it.each(['-', '_', '@', '.', '+', '%', ':', '/'])('accepts %s in profile names', (char) => {
    const name = `stage${char}one`;
    expect(config(`[profile ${name}]\nkey = value\n`).profiles[name]).toEqual({ key: 'value' });
  });

  // Python configparser keeps section names as written: `[ default ]` is not `default`.
  it('does not trim inside the brackets', () => {
    expect(config('[ default ]\nregion = x\n').profiles).toEqual({});
  });

  // smithy parseIni blocks __proto__; here maps have no prototype, so the name is plain data.
  it('treats a profile named __proto__ as data without polluting prototypes', () => {
    const parsed = credentials('[__proto__]\npolluted = yes\n');
    expect(Object.keys(parsed.profiles)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.profiles)).toBeNull();
  });

  // Python shlex: backslash escapes outside quotes, and `\"` inside double quotes.
  it('handles shlex escapes in headers', () => {
    expect(splitSectionHeader('profile a\\ b')).toEqual(['profile', 'a b']);
    expect(splitSectionHeader('profile "a\\"b"')).toEqual(['profile', 'a"b']);
    expect(splitSectionHeader('profile "a\\nb"')).toEqual(['profile', 'a\\nb']);
    expect(splitSectionHeader('profile a\\')).toBeUndefined();
    expect(splitSectionHeader("profile ''")).toEqual(['profile', '']);
    expect(splitSectionHeader('  ')).toEqual([]);
  });
});

describe('parseIni keys, values and comments', () => {
  // smithy parseIni.spec "trims data from key/value".
  it('trims keys and values, with or without spaces around =', () => {
    expect(config('[default]\n  key1 = value1  \nkey2=value2\nkey3\t=\tvalue3\n').profiles.default).toEqual({
      key1: 'value1',
      key2: 'value2',
      key3: 'value3',
    });
  });

  // smithy parseIni.spec "returns value with equals sign".
  it('splits at the first = only', () => {
    expect(config('[default]\nkey = value=value\n').profiles.default).toEqual({ key: 'value=value' });
  });

  // Python configparser delimiters are `=` and `:`; the key ends at the first of them.
  it('accepts key: value like configparser', () => {
    expect(config('[default]\nregion: eu-west-1\nendpoint_url = http://h:9000\n').profiles.default).toEqual({
      region: 'eu-west-1',
      endpoint_url: 'http://h:9000',
    });
  });

  // Python configparser optionxform lower-cases option names.
  it('lower-cases keys', () => {
    expect(credentials('[default]\nAWS_Access_Key_ID = AKID\n').profiles.default).toEqual({ aws_access_key_id: 'AKID' });
  });

  // configparser comment_prefixes ('#', ';'), matched on the stripped line.
  it('skips full-line # and ; comments, indented or not', () => {
    expect(config('# top\n; top\n[default]\n# c\n  ; c\nregion = x\n').profiles.default).toEqual({ region: 'x' });
  });

  // smithy parseIni: line.split(/(^|\s)[;#]/)[0] — inline comments need whitespace before them.
  it('strips inline comments only after whitespace', () => {
    const parsed = config('[default] # the default\nregion = us-east-1 # comment\noutput = json ;c\nkey = abc#def\nother = a;b\n');
    expect(parsed.profiles.default).toEqual({ region: 'us-east-1', output: 'json', key: 'abc#def', other: 'a;b' });
  });

  // configparser stores `key =` as the empty string.
  it('keeps empty values as empty strings', () => {
    expect(config('[default]\nkey =\nother = 1\nlast=').profiles.default).toEqual({ key: '', other: '1', last: '' });
  });

  it('keeps an empty section as a profile', () => {
    expect(config('[profile empty]\n').profiles).toEqual({ empty: {} });
  });

  // smithy parseIni.spec "returns data for two profiles".
  it('reads several profiles with several entries', () => {
    expect(config('[profile a]\nk1 = v1\nk2 = v2\n[profile b]\nk3 = v3\n').profiles).toEqual({ a: { k1: 'v1', k2: 'v2' }, b: { k3: 'v3' } });
  });

  // SDKs: later assignment wins (configparser strict mode would reject; documented divergence).
  it('lets the last duplicate key win and merges duplicate sections', () => {
    expect(config('[default]\nregion = a\nregion = b\n[profile x]\nk = 1\n[default]\noutput = json\n').profiles).toEqual({
      default: { region: 'b', output: 'json' },
      x: { k: '1' },
    });
  });

  it('accepts CRLF and CR line endings and a byte order mark', () => {
    expect(config('\uFEFF[default]\r\nregion = a\r\n[profile b]\rregion = b\r').profiles).toEqual({
      default: { region: 'a' },
      b: { region: 'b' },
    });
  });

  it('parses an empty text', () => {
    expect(config('')).toEqual({ profiles: {}, ssoSessions: {}, services: {}, sources: {} });
  });
});

describe('parseIni continuation lines and nested settings', () => {
  // botocore raw_config_parse docstring: `s3 =` then indented lines -> {'s3': {...}}.
  it('parses an indented block after an empty value as a nested object', () => {
    const parsed = config('[default]\ns3 =\n  max_concurrent_requests = 10\n  addressing_style = path\nregion = x\n');
    expect(parsed.profiles.default).toEqual({ s3: { max_concurrent_requests: '10', addressing_style: 'path' }, region: 'x' });
  });

  // botocore _parse_nested keeps nested key case (only configparser option names are lower-cased).
  it('keeps the case of nested keys and splits them at the first =', () => {
    expect(config('[default]\nS3 =\n    Addressing_Style = path\n    x = a=b\n').profiles.default).toEqual({
      s3: { Addressing_Style: 'path', x: 'a=b' },
    });
  });

  // configparser empty_lines_in_values=True; comment lines are skipped inside values.
  it('allows blank lines and comments inside a nested block', () => {
    expect(config('[default]\ns3 =\n  a = 1\n\n  # note\n  b = 2\n\n\nregion = r\n').profiles.default).toEqual({
      s3: { a: '1', b: '2' },
      region: 'r',
    });
  });

  // configparser: a line indented deeper than its key continues the value, joined with \n.
  it('joins continuation lines of a plain value with newlines', () => {
    expect(config('[default]\nkey = first\n  second\n\n  third\nnext = n\n').profiles.default).toEqual({
      key: 'first\nsecond\n\nthird',
      next: 'n',
    });
  });

  it('continues relative to the key indentation, not column 0', () => {
    expect(config('[default]\n  key = a\n  other = b\n    more\n').profiles.default).toEqual({ key: 'a', other: 'b\nmore' });
  });

  it('does not continue a value across a section header', () => {
    expect(config('[default]\n  region = x\n[profile b]\n  region = y\n').profiles).toEqual({ default: { region: 'x' }, b: { region: 'y' } });
  });

  it('parses nested blocks in credentials files too (botocore parses subsections in both)', () => {
    expect(credentials('[default]\ns3 =\n  a = 1\n').profiles.default).toEqual({ s3: { a: '1' } });
  });

  // botocore _parse_nested raises ValueError -> ConfigParseError when a nested line has no `=`.
  it('rejects a nested line without = and names its line', () => {
    const err = parseError('[default]\ns3 =\n  a = 1\n  secretstuff\n');
    expect(err.source).toBe('~/.aws/config line 4');
    expect(err.message).toContain('line 4');
    expect(err.message).not.toContain('secretstuff');
  });
});

describe('parseIni malformed input', () => {
  // configparser MissingSectionHeaderError.
  it('rejects a setting before any section', () => {
    const err = parseError('region = us-east-1\n[default]\n');
    expect(err.code).toBe('ERR_CONFIG');
    expect(err.source).toBe('~/.aws/config line 1');
    expect(err.message).toMatch(/before any \[section\]/);
  });

  // configparser ParsingError for a line without a delimiter, or with an empty key.
  it.each([
    ['a line without a delimiter', '[default]\nwJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\n', 2],
    ['an empty key', '[default]\n = wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\n', 2],
    ['an empty header', '[default]\na = 1\n[]\n', 3],
  ])('rejects %s, naming file and line but not the text', (_name, text, line) => {
    const err = parseError(text);
    expect(err.source).toBe(`~/.aws/config line ${line}`);
    expect(err.message).toContain(`~/.aws/config line ${line}`);
    expect(err.message).not.toContain('wJalr');
    expect(JSON.stringify(err.toJSON())).not.toContain('wJalr');
  });
});

/** Writes profiles the way a user would (the inverse of parseIni for simple profiles). */
function serialize(profiles: Record<string, Record<string, string | Record<string, string>>>): string {
  let out = '';
  for (const [name, section] of Object.entries(profiles)) {
    out += name === 'default' ? '[default]\n' : `[profile ${name}]\n`;
    for (const [key, value] of Object.entries(section)) {
      if (typeof value === 'string') out += `${key} = ${value}\n`;
      else {
        out += `${key} =\n`;
        for (const [k, v] of Object.entries(value)) out += `  ${k} = ${v}\n`;
      }
    }
  }
  return out;
}

describe('parseIni round trip', () => {
  const name = fc.stringMatching(/^[a-z0-9][a-z0-9_.@-]{0,15}$/);
  const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/);
  // Values without leading/trailing space, without `#`/`;` after whitespace, without line breaks.
  const value = fc.stringMatching(/^[A-Za-z0-9/+=:.@_-]([A-Za-z0-9/+=:.@_ -]{0,30}[A-Za-z0-9/+=:.@_-])?$/);
  const nested = fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,10}$/), value, { minKeys: 1, maxKeys: 3 });
  const section = fc.dictionary(key, fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: nested }), { maxKeys: 6 });
  const profiles = fc.dictionary(name, section, { maxKeys: 5 });

  it('parseIni(serialize(profiles)) gives the profiles back', () => {
    fc.assert(
      fc.property(profiles, (input) => {
        expect(config(serialize(input)).profiles).toEqual(input);
      }),
      { numRuns: 300 },
    );
  });
});

function fakeFs(files: Record<string, string>): ConfigFileSystem & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile: async (path) => {
      reads.push(path);
      return Object.hasOwn(files, path) ? files[path] : undefined;
    },
  };
}

describe('loadSharedConfigFiles', () => {
  const home = '/home/u';

  // botocore session.full_config: profiles of the credentials file update (override) config profiles.
  it('merges both files, credentials values winning key by key', async () => {
    const fs = fakeFs({
      '/home/u/.aws/config': '[default]\nregion = eu-west-1\naws_access_key_id = FROMCONFIG\n[profile dev]\nregion = us-west-2\n[sso-session s]\nsso_region = r\n[services svc]\ns3 =\n  endpoint_url = http://x\n',
      '/home/u/.aws/credentials': '[default]\naws_access_key_id = FROMCREDS\naws_secret_access_key = SECRET\n[ci]\naws_access_key_id = CI\n',
    });
    const shared = await loadSharedConfigFiles({ env: { HOME: home }, fs });
    expect(shared.profiles).toEqual({
      default: { region: 'eu-west-1', aws_access_key_id: 'FROMCREDS', aws_secret_access_key: 'SECRET' },
      dev: { region: 'us-west-2' },
      ci: { aws_access_key_id: 'CI' },
    });
    expect(shared.ssoSessions).toEqual({ s: { sso_region: 'r' } });
    expect(shared.services).toEqual({ svc: { s3: { endpoint_url: 'http://x' } } });
    expect(shared.configFile).toBe('~/.aws/config');
    expect(shared.credentialsFile).toBe('~/.aws/credentials');
    expect(shared.sourceOf('default', 'region')).toBe('~/.aws/config [default]');
    expect(shared.sourceOf('default', 'aws_access_key_id')).toBe('~/.aws/credentials [default]');
    expect(shared.sourceOf('dev', 'nope')).toBeUndefined();
    expect(shared.sourceOf('constructor', 'region')).toBeUndefined();
  });

  it('treats missing files as empty', async () => {
    const shared = await loadSharedConfigFiles({ env: { HOME: home }, fs: fakeFs({}) });
    expect(shared.profiles).toEqual({});
  });

  // smithy getConfigFilepath / getCredentialsFilepath: AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE.
  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, and explicit paths over them', async () => {
    const fs = fakeFs({ '/etc/c': '[default]\nregion = a\n', '/etc/k': '[default]\nregion = b\n', '/opt/c': '[default]\nregion = c\n' });
    const env = { HOME: home, AWS_CONFIG_FILE: '/etc/c', AWS_SHARED_CREDENTIALS_FILE: '/etc/nothing' };
    expect((await loadSharedConfigFiles({ env, fs })).profiles.default).toEqual({ region: 'a' });
    const explicit = await loadSharedConfigFiles({ env, fs, configFile: '/opt/c', credentialsFile: '/etc/k' });
    expect(explicit.profiles.default).toEqual({ region: 'b' });
    expect(explicit.sourceOf('default', 'region')).toBe('/etc/k [default]');
  });

  it('names the file in parse errors', async () => {
    const fs = fakeFs({ '/home/u/.aws/credentials': '[default]\nbroken\n' });
    await expect(loadSharedConfigFiles({ env: { HOME: home }, fs })).rejects.toMatchObject({
      name: 'ConfigError',
      source: '~/.aws/credentials line 2',
    });
  });

  it('wraps filesystem failures in a ConfigError naming the file', async () => {
    const fs: ConfigFileSystem = {
      readFile: async () => {
        throw Object.assign(new Error('EIO'), { code: 'EIO' });
      },
    };
    const err: unknown = await loadSharedConfigFiles({ env: { HOME: home }, fs }).catch((e: unknown) => e);
    expect(isConfigError(err)).toBe(true);
    expect((err as ConfigError).source).toBe('~/.aws/config');
  });

  it('rejects with AbortError when aborted before or during the read', async () => {
    const before = new AbortController();
    before.abort();
    const fs = fakeFs({});
    await expect(loadSharedConfigFiles({ env: { HOME: home }, fs, signal: before.signal })).rejects.toSatisfy(isAbortError);
    expect(fs.reads).toEqual([]);

    const during = new AbortController();
    const aborting: ConfigFileSystem = {
      readFile: async (_path, options) => {
        during.abort();
        throw options?.signal?.reason;
      },
    };
    await expect(loadSharedConfigFiles({ env: { HOME: home }, fs: aborting, signal: during.signal })).rejects.toSatisfy(isAbortError);
  });

  it('passes the signal to the filesystem', async () => {
    const seen: (AbortSignal | undefined)[] = [];
    const controller = new AbortController();
    await loadSharedConfigFiles({
      env: { HOME: home },
      signal: controller.signal,
      fs: {
        readFile: async (_p, options) => {
          seen.push(options?.signal);
          return undefined;
        },
      },
    });
    expect(seen).toEqual([controller.signal, controller.signal]);
  });
});

describe('home directory and path expansion', () => {
  // smithy getHomeDir: HOME, USERPROFILE, HOMEDRIVE + HOMEPATH, then os.homedir().
  it('finds the home directory from HOME, USERPROFILE, HOMEPATH, then homedir()', () => {
    expect(resolveHomeDir({ HOME: '/h', USERPROFILE: 'C:\\Users\\u' })).toBe('/h');
    expect(resolveHomeDir({ USERPROFILE: 'C:\\Users\\u' })).toBe('C:\\Users\\u');
    expect(resolveHomeDir({ HOMEDRIVE: 'D:', HOMEPATH: '\\Users\\u' })).toBe('D:\\Users\\u');
    expect(resolveHomeDir({ HOMEPATH: '\\Users\\u' })).toBe('C:\\Users\\u');
    expect(resolveHomeDir({}, () => '/fallback')).toBe('/fallback');
  });

  // botocore raw_config_parse: os.path.expandvars then os.path.expanduser.
  it('expands ~, ~/ and environment variables', () => {
    const env = { HOME: '/h', DIR: '/etc/aws' };
    expect(expandPath('~', env)).toBe('/h');
    expect(expandPath('~/.aws/config', env)).toBe(join('/h', '.aws/config'));
    expect(expandPath('~\\aws\\config', env)).toBe(join('/h', 'aws\\config'));
    expect(expandPath('$DIR/config', env)).toBe('/etc/aws/config');
    expect(expandPath('${DIR}/config', env)).toBe('/etc/aws/config');
    expect(expandPath('$UNKNOWN/config', env)).toBe('$UNKNOWN/config');
    expect(expandPath('~user/config', env)).toBe('~user/config');
    expect(expandPath('/abs/~/x', env)).toBe('/abs/~/x');
  });

  it('uses USERPROFILE and the injected homedir when expanding ~', async () => {
    const fs = fakeFs({});
    await loadSharedConfigFiles({ env: { USERPROFILE: '/win' }, fs });
    await loadSharedConfigFiles({ env: {}, fs, homedir: () => '/injected' });
    expect(fs.reads).toEqual([
      join('/win', '.aws/config'),
      join('/win', '.aws/credentials'),
      join('/injected', '.aws/config'),
      join('/injected', '.aws/credentials'),
    ]);
  });
});

describe('nodeConfigFileSystem', () => {
  it('reads a real file, and resolves undefined for a missing file or a directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3kit-ini-'));
    try {
      await mkdir(join(dir, '.aws'));
      await writeFile(join(dir, '.aws', 'config'), '[profile real]\nregion = ap-south-1\n');
      expect(await nodeConfigFileSystem.readFile(join(dir, '.aws', 'config'))).toContain('ap-south-1');
      expect(await nodeConfigFileSystem.readFile(join(dir, 'missing'))).toBeUndefined();
      expect(await nodeConfigFileSystem.readFile(join(dir, '.aws'))).toBeUndefined();
      const shared = await loadSharedConfigFiles({ env: { HOME: dir } });
      expect(shared.profiles.real).toEqual({ region: 'ap-south-1' } satisfies IniSection);
      const controller = new AbortController();
      controller.abort();
      await expect(nodeConfigFileSystem.readFile(join(dir, '.aws', 'config'), { signal: controller.signal })).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
