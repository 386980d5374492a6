import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HttpTransport } from '@s3kit/primitives';
import { PART, bytes, setup, useTempDir } from '../test-support/setup.js';

const scratch = useTempDir();

// The proxies rewrite the signed Range header, so the mock does not check signatures here.

/**
 * A proxy that answers each range asked for once with what `misroute` makes of it: the range it
 * really fetches, and the Content-Range it then claims (the mock's own when undefined).
 */
function misrouting(misroute: (range: string) => { fetch: string; claim?: string } | undefined): (inner: HttpTransport) => HttpTransport {
  return (inner) => {
    const seen = new Set<string>();
    return {
      send: async (request, options) => {
        const range = request.headers.range;
        if (request.method !== 'GET' || range === undefined || seen.has(range)) return inner.send(request, options);
        seen.add(range);
        const plan = misroute(range);
        if (!plan) return inner.send(request, options);
        const response = await inner.send({ ...request, headers: { ...request.headers, range: plan.fetch } }, options);
        return plan.claim === undefined ? response : { ...response, headers: { ...response.headers, 'content-range': plan.claim } };
      },
    };
  };
}

const second = `bytes=${PART}-${2 * PART - 1}`;

describe('ranged downloads check Content-Range', () => {
  it('re-fetches a range answered with another slice of the right length (regression: the wrong bytes resolved verifiedBy size)', async () => {
    const s = await setup({ checksum: 'none' }, { auth: 'none' }, misrouting((range) => (range === second ? { fetch: `bytes=0-${PART - 1}` } : undefined)));
    const data = bytes(3 * PART, 7);
    s.mock.engine.putObject({ Bucket: 'bkt', Key: 'r', Body: data });
    const result = await s.tm.download({ Bucket: 'bkt', Key: 'r' }, { to: join(scratch.dir, 'r') });
    expect(result.verifiedBy).toBe('size');
    expect(new Uint8Array(await readFile(join(scratch.dir, 'r')))).toEqual(data);
    expect(s.mock.requests.filter((r) => r.operation === 'GetObject')).toHaveLength(4);
  });

  it('treats a Content-Range with another total size, or none on a partial range, as an integrity error and fetches again', async () => {
    const size = 3 * PART;
    const s = await setup(
      { checksum: 'none' },
      { auth: 'none' },
      misrouting((range) => {
        if (range === second) return { fetch: range, claim: `bytes ${PART}-${2 * PART - 1}/${size + 1}` };
        if (range === `bytes=0-${PART - 1}`) return { fetch: range, claim: '' };
        return undefined;
      }),
    );
    const data = bytes(size, 8);
    s.mock.engine.putObject({ Bucket: 'bkt', Key: 'r', Body: data });
    await s.tm.download({ Bucket: 'bkt', Key: 'r' }, { to: join(scratch.dir, 'r') });
    expect(new Uint8Array(await readFile(join(scratch.dir, 'r')))).toEqual(data);
    expect(s.mock.requests.filter((r) => r.operation === 'GetObject')).toHaveLength(5);
  });

  it('gives up with a typed ERR_INTEGRITY error, leaving no file, when the range keeps coming back wrong', async () => {
    const wrongEveryTime = (inner: HttpTransport): HttpTransport => ({
      send: (request, options) =>
        inner.send(request.headers.range === second ? { ...request, headers: { ...request.headers, range: `bytes=0-${PART - 1}` } } : request, options),
    });
    const s = await setup({ checksum: 'none', retry: { maxAttempts: 2, baseDelayMs: 1 } }, { auth: 'none' }, wrongEveryTime);
    s.mock.engine.putObject({ Bucket: 'bkt', Key: 'r', Body: bytes(3 * PART, 9) });
    await expect(s.tm.download({ Bucket: 'bkt', Key: 'r' }, { to: join(scratch.dir, 'r') })).rejects.toMatchObject({
      name: 'TransferError',
      code: 'ERR_INTEGRITY',
      message: expect.stringContaining(`asked for bytes ${PART}-${2 * PART - 1}/${3 * PART}, got bytes 0-${PART - 1}/${3 * PART}`) as unknown,
    });
    expect(await readdir(scratch.dir)).toEqual([]);
  });
});
