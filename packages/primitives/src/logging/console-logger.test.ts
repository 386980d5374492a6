import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/clock.js';
import { createConsoleLogger } from './console-logger.js';
import { ValidationError } from '../errors/errors.js';
import { meetsLevel, noopLogger } from './logger.js';
import { REDACTED } from './redact.js';

function capture(): { lines: string[]; stream: { write(chunk: string): void } } {
  const lines: string[] = [];
  return { lines, stream: { write: (chunk) => lines.push(chunk) } };
}

describe('noopLogger and meetsLevel', () => {
  it('noopLogger accepts every call and its child is itself', () => {
    expect(() => {
      noopLogger.debug('x');
      noopLogger.info('x', { a: 1 });
      noopLogger.warn('x');
      noopLogger.error('x');
    }).not.toThrow();
    expect(noopLogger.child?.({ a: 1 })).toBe(noopLogger);
    expect(noopLogger.isLevelEnabled?.('error')).toBe(false);
  });

  it('orders levels debug < info < warn < error and silences everything at silent', () => {
    expect(meetsLevel('info', 'info')).toBe(true);
    expect(meetsLevel('debug', 'info')).toBe(false);
    expect(meetsLevel('error', 'warn')).toBe(true);
    expect(meetsLevel('error', 'silent')).toBe(false);
  });
});

describe('createConsoleLogger', () => {
  it('writes one JSON line per call with time from the clock, level, msg and fields', () => {
    const { lines, stream } = capture();
    const logger = createConsoleLogger({ stream, clock: createFakeClock(Date.UTC(2024, 4, 1, 10)) });
    logger.info('upload done', { bucket: 'photos', parts: 12 });
    expect(lines).toEqual(['{"time":"2024-05-01T10:00:00.000Z","level":"info","msg":"upload done","bucket":"photos","parts":12}\n']);
  });

  it('drops lines below the level and writes nothing when silent', () => {
    const { lines, stream } = capture();
    const logger = createConsoleLogger({ stream, level: 'warn', clock: createFakeClock(0) });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['w', 'e']);
    expect([logger.isLevelEnabled?.('info'), logger.isLevelEnabled?.('warn')]).toEqual([false, true]);
    const silent = capture();
    createConsoleLogger({ stream: silent.stream, level: 'silent' }).error('e');
    expect(silent.lines).toEqual([]);
  });

  it('does not let fields overwrite time, level or msg', () => {
    const { lines, stream } = capture();
    createConsoleLogger({ stream, clock: createFakeClock(0) }).error('real', { level: 'debug', msg: 'fake', time: 'x' });
    expect(JSON.parse(lines[0]!)).toEqual({ time: '1970-01-01T00:00:00.000Z', level: 'error', msg: 'real' });
  });

  it('child loggers add their fields to every line, redacted', () => {
    const { lines, stream } = capture();
    const logger = createConsoleLogger({ stream, level: 'debug', clock: createFakeClock(0), fields: { app: 'a' } });
    logger.child?.({ bucket: 'b', sessionToken: 'tok-secret' }).debug('hi', { key: 'k' });
    expect(JSON.parse(lines[0]!)).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'debug',
      msg: 'hi',
      app: 'a',
      bucket: 'b',
      sessionToken: REDACTED,
      key: 'k',
    });
  });

  it('writes pretty lines for people', () => {
    const { lines, stream } = capture();
    const logger = createConsoleLogger({ stream, format: 'pretty', clock: createFakeClock(0) });
    logger.warn('slow down', { bucket: 'photos', note: 'two words', attempts: 3, skipped: undefined });
    expect(lines).toEqual(['1970-01-01T00:00:00.000Z WARN  slow down bucket=photos note="two words" attempts=3\n']);
  });

  it('redacts the message and the fields', () => {
    const { lines, stream } = capture();
    createConsoleLogger({ stream, clock: createFakeClock(0) }).info('token x-amz-security-token: abcdef', {
      secretAccessKey: 'wJalrXUtnFEMI',
      url: 'https://h/k?X-Amz-Signature=deadbeef',
    });
    expect(lines[0]).not.toMatch(/abcdef|wJalrXUtnFEMI|deadbeef/);
  });

  it('defaults to stderr and rejects unknown levels and formats', () => {
    expect(createConsoleLogger({ level: 'silent' })).toBeDefined();
    expect(() => createConsoleLogger({ level: 'trace' as 'info' })).toThrow(ValidationError);
    expect(() => createConsoleLogger({ format: 'xml' as 'json' })).toThrow(/format/);
  });
});
