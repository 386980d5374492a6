import { DeleteObjects, PutBucketTagging, PutObject } from '@s3kit/s3-core';
import { describe, expect, it } from 'vitest';
import { apiArguments } from './api-arguments.js';
import { API_SWITCHES, API_VALUE_OPTIONS, parseApiArgv } from './api-argv.js';
import { operationsByCliName } from './api-command.js';

describe('parseApiArgv', () => {
  it('reads --flag value, --flag=value, booleans as --flag/--no-flag, and the outfile', () => {
    const args = apiArguments(PutObject);
    const parsed = parseApiArgv(['--bucket', 'b', '--key=a=b', '--bucket-key-enabled', 'out', '--region', 'eu-west-1', '--output', 'text'], args);
    expect(parsed.members.get('Bucket')).toEqual(['b']);
    expect(parsed.members.get('Key')).toEqual(['a=b']);
    expect(parsed.members.get('BucketKeyEnabled')).toBe(true);
    expect(parsed.positionals).toEqual(['out']);
    expect(parsed.globals).toEqual({ region: 'eu-west-1', output: 'text' });
    expect(parsed.connection).toEqual({ region: 'eu-west-1' });
    expect(parseApiArgv(['--no-bucket-key-enabled'], args).members.get('BucketKeyEnabled')).toBe(false);
  });

  it('gives a list member every word up to the next flag', () => {
    const parsed = parseApiArgv(['--bucket', 'b', '--delete', 'Objects=[{Key=a}]', '--bypass-governance-retention'], apiArguments(DeleteObjects));
    expect(parsed.members.get('Delete')).toEqual(['Objects=[{Key=a}]']);
    expect(parsed.members.get('BypassGovernanceRetention')).toBe(true);
  });

  it('refuses a member given twice', () => {
    expect(() => parseApiArgv(['--bucket', 'a', '--bucket', 'b'], apiArguments(PutBucketTagging))).toThrow('given more than once');
  });

  it('no member flag of any operation collides with an option every operation takes', () => {
    const reserved = new Set<string>([...API_VALUE_OPTIONS, ...API_SWITCHES]);
    for (const [name, spec] of operationsByCliName()) {
      for (const arg of apiArguments(spec)) expect(reserved.has(arg.flag), `${name} --${arg.flag}`).toBe(false);
    }
  });
});
