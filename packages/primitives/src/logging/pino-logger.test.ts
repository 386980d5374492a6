import { describe, expect, it } from 'vitest';
import { fromPino } from './pino-logger.js';
import type { PinoLike } from './pino-logger.js';
import { REDACTED } from './redact.js';

interface Call {
  level: string;
  bindings: object[];
  obj: object;
  msg: string | undefined;
}

/** A stand-in with pino's `(obj, msg)` method shape and `child(bindings)`. */
function pinoLike(calls: Call[], bindings: object[] = []): PinoLike {
  const at = (level: string) => (obj: object, msg?: string) => {
    calls.push({ level, bindings, obj, msg });
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (b) => pinoLike(calls, [...bindings, b]),
    isLevelEnabled: (level) => level !== 'debug',
  };
}

describe('fromPino', () => {
  it('calls pino with (fields, message) at the same level', () => {
    const calls: Call[] = [];
    const logger = fromPino(pinoLike(calls));
    logger.debug('d', { a: 1 });
    logger.info('i');
    logger.warn('w', { b: 2 });
    logger.error('e');
    expect(calls).toEqual([
      { level: 'debug', bindings: [], obj: { a: 1 }, msg: 'd' },
      { level: 'info', bindings: [], obj: {}, msg: 'i' },
      { level: 'warn', bindings: [], obj: { b: 2 }, msg: 'w' },
      { level: 'error', bindings: [], obj: {}, msg: 'e' },
    ]);
  });

  it('redacts fields, messages and child bindings', () => {
    const calls: Call[] = [];
    const logger = fromPino(pinoLike(calls));
    logger.child?.({ credentials: { secretAccessKey: 'k' }, bucket: 'b' }).info('Authorization: Bearer abc', { sessionToken: 't' });
    expect(calls).toEqual([
      { level: 'info', bindings: [{ credentials: REDACTED, bucket: 'b' }], obj: { sessionToken: REDACTED }, msg: `Authorization: ${REDACTED}` },
    ]);
  });

  it('delegates isLevelEnabled to pino', () => {
    const logger = fromPino(pinoLike([]));
    expect([logger.isLevelEnabled?.('debug'), logger.isLevelEnabled?.('info')]).toEqual([false, true]);
  });

  it('has no child when the pino-like object has none', () => {
    const calls: Call[] = [];
    const full = pinoLike(calls);
    const flat: PinoLike = {
      debug: (o, m) => { full.debug(o, m); },
      info: (o, m) => { full.info(o, m); },
      warn: (o, m) => { full.warn(o, m); },
      error: (o, m) => { full.error(o, m); },
    };
    const logger = fromPino(flat);
    expect('child' in logger).toBe(false);
    expect('isLevelEnabled' in logger).toBe(false);
    logger.info('x');
    expect(calls).toHaveLength(1);
  });
});
