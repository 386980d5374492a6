import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argumentValue, normalizeValue } from './argument-value.js';

describe('normalizeValue', () => {
  it('converts text to the member type', () => {
    expect(normalizeValue('integer', '12', 'MaxKeys')).toBe(12);
    expect(normalizeValue('long', 7, 'ContentLength')).toBe(7);
    expect(normalizeValue('boolean', 'false', 'Quiet')).toBe(false);
    expect(normalizeValue('float', '0.5', 'X')).toBe(0.5);
    expect(normalizeValue('timestamp', '2026-01-02T03:04:05Z', 'Expires')).toEqual(new Date('2026-01-02T03:04:05Z'));
    expect(normalizeValue('timestamp', '1767225600', 'Expires')).toEqual(new Date(1767225600 * 1000));
    expect(normalizeValue({ type: 'list', member: 'string', flattened: true }, 'GET,PUT', 'AllowedMethods')).toEqual(['GET', 'PUT']);
  });

  it('refuses values that do not fit, naming the parameter path', () => {
    expect(() => normalizeValue('integer', '1.5', 'MaxKeys')).toThrow('Invalid type for parameter MaxKeys');
    expect(() => normalizeValue('boolean', 'yes', 'Quiet')).toThrow('Invalid type for parameter Quiet');
    expect(() => normalizeValue('timestamp', 'soon', 'Expires')).toThrow('Invalid type for parameter Expires');
    const shape = { type: 'structure' as const, members: { Rules: { shape: { type: 'list' as const, member: { type: 'structure' as const, members: { Days: { shape: 'integer' as const } } }, flattened: true } } } };
    expect(() => normalizeValue(shape, { Rules: [{ Days: 'x' }] }, 'Config')).toThrow('Invalid type for parameter Config.Rules[0].Days');
  });

  it('never echoes the value of a secret member in its error', () => {
    expect(() => normalizeValue('string', { key: 'c2VjcmV0LWtleS1ieXRlcw==' }, 'SSECustomerKey')).toThrow('value: (redacted)');
    let message = '';
    try {
      normalizeValue('string', { key: 'c2VjcmV0LWtleS1ieXRlcw==' }, 'CopySourceSSECustomerKey');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).not.toContain('c2VjcmV0');
  });
});

describe('argumentValue', () => {
  it('reads file:// as text and fileb:// as bytes for blobs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3kit-argv-'));
    try {
      await writeFile(join(dir, 'p.json'), '{"Version":"2012-10-17"}');
      expect(await argumentValue({ flag: 'policy', member: 'Policy', shape: 'string', required: true }, ['file://p.json'], { cwd: dir })).toBe('{"Version":"2012-10-17"}');
      const bytes = await argumentValue({ flag: 'blob', member: 'Blob', shape: 'blob', required: false }, ['fileb://p.json'], { cwd: dir });
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(await argumentValue({ flag: 'body', member: 'Body', shape: { type: 'streaming' }, required: false }, ['file://x.bin'], { cwd: dir })).toEqual({ bodyFile: join(dir, 'x.bin') });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes list items as separate words, or one JSON list', async () => {
    const arg = { flag: 'optional-object-attributes', member: 'OptionalObjectAttributes', shape: { type: 'list' as const, member: 'string' as const, flattened: true }, required: false };
    expect(await argumentValue(arg, ['RestoreStatus', 'Other'], { cwd: '/' })).toEqual(['RestoreStatus', 'Other']);
    expect(await argumentValue(arg, ['["RestoreStatus"]'], { cwd: '/' })).toEqual(['RestoreStatus']);
    await expect(argumentValue({ ...arg, shape: 'string' }, ['a', 'b'], { cwd: '/' })).rejects.toThrow('takes one value');
  });
});
