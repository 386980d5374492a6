import { describe, expect, it } from 'vitest';
import { createFakeClock, isCredentialsError } from '@s3kit/primitives';
import type { AwsCredentials, CredentialsProvider } from '../aws-credentials.js';
import { chain } from './chain.js';
import { credentialsNotFound, isCredentialsNotFound } from './errors.js';
import { fromEnv } from './from-env.js';
import { fromStatic } from './from-static.js';
import { memoize } from './memoize.js';

const SECRET = 'envSecretKEY/zz9+Distinctive0000000001';
const TOKEN = 'envSessionTOKEN/zz9+Distinctive000000002==';

function assertNoSecret(value: unknown): void {
  const text = JSON.stringify(value) + String(value) + (value instanceof Error ? `${value.stack ?? ''}${JSON.stringify((value as { toJSON?: () => unknown }).toJSON?.())}` : '');
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(TOKEN);
}

async function rejection(promise: Promise<unknown>): Promise<Error & { attempts?: readonly string[]; toJSON?: () => unknown }> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('fromStatic', () => {
  it('returns the credentials it was given', async () => {
    await expect(fromStatic({ accessKeyId: 'AKID', secretAccessKey: SECRET })()).resolves.toEqual({ accessKeyId: 'AKID', secretAccessKey: SECRET });
  });
  it('rejects malformed credentials at creation without echoing the secret', () => {
    let error: unknown;
    try {
      fromStatic({ accessKeyId: '', secretAccessKey: SECRET });
    } catch (err) {
      error = err;
    }
    expect(isCredentialsError(error)).toBe(true);
    assertNoSecret(error);
  });
});

describe('fromEnv', () => {
  it('reads keys, session token and expiration', async () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN, AWS_CREDENTIAL_EXPIRATION: '2030-01-02T03:04:05Z' };
    await expect(fromEnv({ env })()).resolves.toEqual({
      accessKeyId: 'AKID',
      secretAccessKey: SECRET,
      sessionToken: TOKEN,
      expiration: new Date('2030-01-02T03:04:05Z'),
    });
  });
  it('ignores an empty session token', async () => {
    const creds = await fromEnv({ env: { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: '' } })();
    expect(creds.sessionToken).toBeUndefined();
  });
  it('is not-found when a key is missing, naming the variable', async () => {
    const error = await rejection(fromEnv({ env: { AWS_SECRET_ACCESS_KEY: SECRET } })());
    expect(isCredentialsNotFound(error)).toBe(true);
    expect(error.message).toBe('env: AWS_ACCESS_KEY_ID not set');
    assertNoSecret(error);
    const both = await rejection(fromEnv({ env: {} })());
    expect(both.message).toBe('env: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set');
  });
  it('fails hard on a bad expiration or a multi-line token, without the secret', async () => {
    const bad = await rejection(fromEnv({ env: { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: SECRET, AWS_CREDENTIAL_EXPIRATION: 'soon' } })());
    expect(isCredentialsNotFound(bad)).toBe(false);
    expect(bad.message).toContain('AWS_CREDENTIAL_EXPIRATION');
    const token = await rejection(fromEnv({ env: { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: `${TOKEN}\nx` } })());
    expect(token.message).toMatch(/^env: /);
    assertNoSecret(bad);
    assertNoSecret(token);
  });
  it('uses process.env by default', async () => {
    const saved = { ...process.env };
    try {
      delete process.env.AWS_ACCESS_KEY_ID;
      await expect(fromEnv()()).rejects.toThrow(/AWS_ACCESS_KEY_ID/);
    } finally {
      process.env = saved;
    }
  });
});

describe('chain', () => {
  const ok: AwsCredentials = { accessKeyId: 'AKID', secretAccessKey: SECRET, sessionToken: TOKEN };
  it('returns the first provider that applies and skips not-found ones', async () => {
    const calls: string[] = [];
    const a: CredentialsProvider = () => (calls.push('a'), Promise.reject(credentialsNotFound('a: nothing')));
    const b: CredentialsProvider = () => (calls.push('b'), Promise.resolve(ok));
    const c: CredentialsProvider = () => (calls.push('c'), Promise.resolve(ok));
    await expect(chain(a, b, c)()).resolves.toBe(ok);
    expect(calls).toEqual(['a', 'b']);
  });
  it('lists every attempt when nothing applies, with no secret', async () => {
    const error = await rejection(chain(fromEnv({ env: { AWS_SECRET_ACCESS_KEY: SECRET } }), () => Promise.reject(credentialsNotFound('imds: disabled')))());
    expect(isCredentialsError(error)).toBe(true);
    expect(error.attempts).toEqual(['env: AWS_ACCESS_KEY_ID not set', 'imds: disabled']);
    expect(error.message).toContain('  - imds: disabled');
    assertNoSecret(error);
  });
  it('stops at a provider that is configured but broken', async () => {
    const after: CredentialsProvider = () => Promise.resolve(ok);
    const broken: CredentialsProvider = () => Promise.reject(Object.assign(new Error('profile x: bad'), { retryable: true }));
    const error = await rejection(chain(broken, after)());
    expect(error.message).toContain('profile x: bad');
    expect((error as unknown as { retryable: boolean }).retryable).toBe(true);
    expect(error.attempts).toEqual(['profile x: bad']);
    const plain = await rejection(chain(() => Promise.reject(new Error('plain')))());
    expect((plain as unknown as { retryable: boolean }).retryable).toBe(false);
  });
  it('passes aborts through and checks the signal between providers', async () => {
    const controller = new AbortController();
    const aborting: CredentialsProvider = () => {
      controller.abort();
      return Promise.reject(credentialsNotFound('a: no'));
    };
    await expect(chain(aborting, () => Promise.resolve(ok))({ signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const abortErr = Object.assign(new Error('aborted'), { name: 'AbortError' });
    await expect(chain(() => Promise.reject(abortErr))()).rejects.toBe(abortErr);
  });
  it('describes a non-Error rejection', async () => {
    const error = await rejection(chain(() => Promise.reject(new Error('weird')))());
    expect(error.attempts).toEqual(['weird']);
  });
});

describe('memoize', () => {
  const temp = (n: number, expiresAt: number): AwsCredentials => ({ accessKeyId: `AKID${n}`, secretAccessKey: SECRET, expiration: new Date(expiresAt) });

  it('caches credentials without expiration forever', async () => {
    let n = 0;
    const provider = memoize(() => Promise.resolve({ accessKeyId: `AKID${++n}`, secretAccessKey: SECRET }));
    expect((await provider()).accessKeyId).toBe('AKID1');
    expect((await provider()).accessKeyId).toBe('AKID1');
    provider.invalidate();
    expect((await provider()).accessKeyId).toBe('AKID2');
  });

  it('refreshes temporary credentials 5 minutes before they expire', async () => {
    const clock = createFakeClock(0);
    let n = 0;
    const provider = memoize(() => Promise.resolve(temp(++n, clock.now() + 3_600_000)), { clock });
    expect((await provider()).accessKeyId).toBe('AKID1');
    await clock.advance(3_600_000 - 300_001);
    expect((await provider()).accessKeyId).toBe('AKID1');
    await clock.advance(2);
    expect((await provider()).accessKeyId).toBe('AKID2');
  });

  it('shares one fetch between concurrent callers and does not cache failures', async () => {
    let calls = 0;
    let release!: (c: AwsCredentials) => void;
    const provider = memoize(() => {
      calls++;
      return new Promise<AwsCredentials>((resolve) => (release = resolve));
    });
    const all = Promise.all([provider(), provider(), provider()]);
    release(temp(1, Date.now() + 3_600_000));
    const results = await all;
    expect(calls).toBe(1);
    expect(new Set(results).size).toBe(1);

    let fail = true;
    const flaky = memoize(() => (fail ? Promise.reject(new Error('down')) : Promise.resolve(temp(2, Date.now() + 3_600_000))));
    await expect(flaky()).rejects.toThrow('down');
    fail = false;
    await expect(flaky()).resolves.toMatchObject({ accessKeyId: 'AKID2' });
  });

  it("lets a caller abort its own wait without cancelling the others'", async () => {
    let release!: (c: AwsCredentials) => void;
    const provider = memoize(() => new Promise<AwsCredentials>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const mine = provider({ signal: controller.signal });
    const other = provider();
    controller.abort();
    await expect(mine).rejects.toMatchObject({ name: 'AbortError' });
    release({ accessKeyId: 'AKID', secretAccessKey: SECRET });
    await expect(other).resolves.toMatchObject({ accessKeyId: 'AKID' });
    await expect(provider({ signal: AbortSignal.abort() })).resolves.toMatchObject({ accessKeyId: 'AKID' });
    provider.invalidate();
    await expect(provider({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('forwards a shared failure to a caller that has a signal', async () => {
    const provider = memoize(() => Promise.reject(new Error('down')));
    await expect(provider({ signal: new AbortController().signal })).rejects.toThrow('down');
  });
});
