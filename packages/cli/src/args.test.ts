import { describe, expect, it } from 'vitest';
import { booleanFlag, integerFlag, listFlag, parseCommandArgs, parseMetadata, parseSize, sizeFlag, stringFlag, TRANSFER_FLAGS } from './args.js';
import { isUsageError, UsageError } from './usage-error.js';

describe('parseCommandArgs', () => {
  it('keeps --include/--exclude in command-line order', () => {
    const parsed = parseCommandArgs('cp', ['a', 'b', '--exclude', '*', '--include', '*.jpg', '--exclude', 'x*'], TRANSFER_FLAGS);
    expect(parsed.positionals).toEqual(['a', 'b']);
    expect(parsed.filters).toEqual([
      { kind: 'exclude', pattern: '*' },
      { kind: 'include', pattern: '*.jpg' },
      { kind: 'exclude', pattern: 'x*' },
    ]);
    expect(listFlag(parsed.flags, 'include')).toEqual(['*.jpg']);
  });

  it('turns an unknown flag into one clean usage error naming the help (regression: doubled s3kit prefix, parseArgs advice with an unclosed quote)', () => {
    let caught: unknown;
    try {
      parseCommandArgs('ls', ['--nope'], {});
    } catch (err) {
      caught = err;
    }
    expect(isUsageError(caught)).toBe(true);
    expect((caught as UsageError).message).toBe('ls: unknown option --nope');
    expect((caught as UsageError).hint).toBe("run 's3kit ls --help' for the accepted flags");
    expect((caught as UsageError).code).toBe('ERR_USAGE');
  });

  it('keeps the first sentence of other parseArgs errors', () => {
    expect(() => parseCommandArgs('cp', ['--concurrency'], { concurrency: { type: 'string' } })).toThrow(/^cp: Option '--concurrency <value>' argument missing$/);
  });

  it('reads strings, booleans and lists', () => {
    const { flags } = parseCommandArgs('x', ['--content-type', 'text/plain', '-r', '--include', 'a'], TRANSFER_FLAGS);
    expect(stringFlag(flags, 'content-type')).toBe('text/plain');
    expect(stringFlag(flags, 'recursive')).toBeUndefined();
    expect(booleanFlag(flags, 'recursive')).toBe(true);
    expect(booleanFlag(flags, 'dryrun')).toBe(false);
    expect(listFlag({ one: 'x' }, 'one')).toEqual(['x']);
    expect(listFlag({}, 'none')).toEqual([]);
  });
});

describe('sizes and numbers', () => {
  it.each([
    ['1024', 1024],
    ['8MiB', 8 * 1024 * 1024],
    ['8M', 8 * 1024 * 1024],
    ['5MB', 5_000_000],
    ['1.5KiB', 1536],
    ['10MB/s', 10_000_000],
    ['2g', 2 * 1024 ** 3],
  ])('parseSize(%s) = %d', (text, bytes) => {
    expect(parseSize('part-size', text)).toBe(bytes);
  });

  it('rejects what is not a size, and zero', () => {
    expect(() => parseSize('bwlimit', 'fast')).toThrow('--bwlimit "fast" is not a size');
    expect(() => parseSize('bwlimit', '0')).toThrow('--bwlimit must be greater than zero');
    expect(sizeFlag({}, 'part-size')).toBeUndefined();
    expect(sizeFlag({ 'part-size': '6MiB' }, 'part-size')).toBe(6 * 1024 * 1024);
  });

  it('integerFlag checks the range', () => {
    expect(integerFlag({ n: '4' }, 'n', 10)).toBe(4);
    expect(integerFlag({}, 'n', 10)).toBeUndefined();
    expect(() => integerFlag({ n: '11' }, 'n', 10)).toThrow('--n "11" is not a whole number from 1 to 10');
    expect(() => integerFlag({ n: '0' }, 'n', 10)).toThrow(UsageError);
    expect(() => integerFlag({ n: '2.5' }, 'n', 10)).toThrow(UsageError);
  });

  it('parseMetadata reads k=v,k2=v2', () => {
    expect(parseMetadata('owner=me, stage=test,,empty=')).toEqual({ owner: 'me', stage: 'test', empty: '' });
    expect(() => parseMetadata('novalue')).toThrow('--metadata entry "novalue" is not key=value');
  });
});
