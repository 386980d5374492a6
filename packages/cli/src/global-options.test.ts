import { describe, expect, it } from 'vitest';
import { defaultGlobalOptions, splitGlobalOptions, useColor } from './global-options.js';
import { isUsageError } from './usage-error.js';

function usageMessage(argv: string[]): string {
  try {
    splitGlobalOptions(argv);
  } catch (err) {
    if (isUsageError(err)) return err.message;
    throw err;
  }
  throw new Error('no usage error');
}

describe('splitGlobalOptions', () => {
  it('takes the global options from before and after the command, in both spellings', () => {
    const { globals, rest } = splitGlobalOptions([
      '--endpoint-url',
      'http://127.0.0.1:9000',
      'ls',
      '--region=eu-west-1',
      's3://b/',
      '--profile',
      'dev',
      '--no-verify-ssl',
      '--debug',
      '--output',
      'json',
      '--no-sign-request',
      '--ca-bundle',
      './ca.pem',
      '--cli-read-timeout',
      '0',
      '--cli-connect-timeout=2.5',
      '--color',
      'off',
      '--recursive',
    ]);
    expect(rest).toEqual(['ls', 's3://b/', '--recursive']);
    expect(globals).toEqual({
      endpointUrl: 'http://127.0.0.1:9000',
      region: 'eu-west-1',
      profile: 'dev',
      verifySsl: false,
      debug: true,
      output: 'json',
      signRequest: false,
      caBundle: './ca.pem',
      readTimeoutMs: 0,
      connectTimeoutMs: 2500,
      color: 'off',
    });
  });

  it('leaves everything after -- alone, and keeps what the base already has', () => {
    const base = { ...defaultGlobalOptions(), region: 'us-west-2' };
    const { globals, rest } = splitGlobalOptions(['cp', '--', '--region', 'x'], base);
    expect(rest).toEqual(['cp', '--', '--region', 'x']);
    expect(globals.region).toBe('us-west-2');
  });

  it('rejects missing and invalid values with a usage error', () => {
    expect(usageMessage(['ls', '--endpoint-url'])).toBe('--endpoint-url needs a value');
    expect(usageMessage(['--region', '--debug', 'ls'])).toBe('--region needs a value');
    expect(usageMessage(['--endpoint-url', 'localhost:9000'])).toBe('--endpoint-url "localhost:9000" is not an http(s) URL');
    expect(usageMessage(['--output', 'xml'])).toBe('--output "xml" is not one of json, text, table, yaml');
    expect(usageMessage(['--color', 'yes'])).toBe('--color "yes" is not one of on, off, auto');
    expect(usageMessage(['--cli-read-timeout', '-1'])).toBe('--cli-read-timeout "-1" is not a number of seconds');
    expect(usageMessage(['--debug=yes'])).toBe('--debug takes no value');
  });

  it('colours on a terminal unless NO_COLOR is set or --color says otherwise', () => {
    const auto = defaultGlobalOptions();
    expect(useColor(auto, true, {})).toBe(true);
    expect(useColor(auto, true, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(auto, false, {})).toBe(false);
    expect(useColor({ ...auto, color: 'on' }, false, {})).toBe(true);
    expect(useColor({ ...auto, color: 'off' }, true, {})).toBe(false);
    expect(useColor(undefined, false, {})).toBe(false);
  });
});
