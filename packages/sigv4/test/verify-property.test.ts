/**
 * Property tests of verification: whatever createSigner signs (header or presigned), verifyRequest
 * accepts; any single-character change of a signed component is rejected.
 */
import fc from 'fast-check';
import { createFakeClock } from '@s3kit/primitives';
import type { HttpRequest } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { createSigner } from '../src/signer.js';
import { isSignatureVerificationError } from '../src/verify-error.js';
import { verifyPayload } from '../src/verify-payload.js';
import { verifyRequest } from '../src/verify-request.js';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const clock = createFakeClock(NOW);
const CREDS = { accessKeyId: 'AKIDPROPERTY', secretAccessKey: 'property/secret+key' };
const signer = createSigner({ credentials: CREDS, region: 'eu-central-1', service: 's3', clock });
const options = {
  lookupSecret: (id: string) => Promise.resolve(id === CREDS.accessKeyId ? { secretAccessKey: CREDS.secretAccessKey } : undefined),
  clock,
  region: 'eu-central-1',
};

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const alnum = fc.string({ unit: fc.constantFrom(...ALNUM.split('')), minLength: 1, maxLength: 12 });
const segment = fc.oneof(alnum, fc.string({ minLength: 1, maxLength: 10 }).map(encodeURIComponent));
const requestArb = fc.record({
  method: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD'),
  segments: fc.array(segment, { minLength: 1, maxLength: 4 }),
  query: fc.dictionary(alnum, fc.oneof(alnum, fc.string({ maxLength: 8 }), fc.constant('')), { maxKeys: 3 }),
  headers: fc.dictionary(alnum.map((n) => `x-amz-meta-${n.toLowerCase()}`), alnum, { maxKeys: 3 }),
  body: fc.string({ maxLength: 40 }),
  presign: fc.boolean(),
});


function build(r: { method: string; segments: string[]; query: Record<string, string>; headers: Record<string, string>; body: string }): HttpRequest {
  return {
    method: r.method,
    protocol: 'https:',
    hostname: 'bucket.s3.eu-central-1.amazonaws.com',
    path: `/${r.segments.join('/')}`,
    query: r.query,
    headers: { ...r.headers },
    body: r.body,
  };
}

function withoutBody(request: HttpRequest): HttpRequest {
  const { body: _body, ...rest } = request;
  return rest;
}

/** Replaces the alphanumeric character at a chosen index by another alphanumeric character. */
function mutate(text: string, pick: number, shift: number): string | undefined {
  // Digits of a %XX escape are skipped: %c3 and %C3 are the same character, canonically and to S3.
  const positions = text
    .split('')
    .map((c, i) => (ALNUM.includes(c) && text[i - 1] !== '%' && text[i - 2] !== '%' ? i : -1))
    .filter((i) => i >= 0);
  if (positions.length === 0) return undefined;
  const at = positions[pick % positions.length]!;
  const next = ALNUM[(ALNUM.indexOf(text[at]!) + 1 + (shift % (ALNUM.length - 1))) % ALNUM.length]!;
  return text.slice(0, at) + next + text.slice(at + 1);
}

describe('verifyRequest properties', () => {
  it('accepts every request createSigner signs or presigns', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        const request = build(r);
        const signed = r.presign ? await signer.presign(withoutBody(request), { expiresIn: 300 }) : await signer.sign(request);
        const v = await verifyRequest(signed, options);
        expect(v.accessKeyId).toBe(CREDS.accessKeyId);
        expect(v.payloadMode).toBe(r.presign ? 'unsigned' : 'signed');
        if (!r.presign) {
          expect(() => { verifyPayload(r.body, v); }).not.toThrow();
          const bytes = Buffer.from(r.body);
          const changed = bytes.byteLength === 0 ? Buffer.from('x') : Buffer.from(bytes.map((b, i) => (i === bytes.byteLength - 1 ? b ^ 1 : b)));
          expect(() => { verifyPayload(changed, v); }).toThrow(expect.objectContaining({ code: 'XAmzContentSHA256Mismatch' }) as Error);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('rejects any single-character change of the method, path, a query value, a signed header or the signature', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, fc.nat(), fc.nat(), fc.nat(), async (r, which, pick, shift) => {
        const request = build(r);
        const signed = r.presign ? await signer.presign(withoutBody(request), { expiresIn: 300 }) : await signer.sign(request);
        const targets: (() => HttpRequest | undefined)[] = [
          () => {
            const path = mutate(signed.path, pick, shift);
            return path === undefined ? undefined : { ...signed, path };
          },
          () => ({ ...signed, method: signed.method === 'GET' ? 'PUT' : 'GET' }),
        ];
        for (const [k, value] of Object.entries(signed.query ?? {})) {
          if (typeof value !== 'string' || k === 'X-Amz-Algorithm') continue;
          targets.push(() => {
            const changed = mutate(value, pick, shift);
            return changed === undefined ? undefined : { ...signed, query: { ...signed.query, [k]: changed } };
          });
        }
        for (const [name, value] of Object.entries(signed.headers)) {
          if (name === 'authorization') {
            const sig = /Signature=([0-9a-f]+)/.exec(value)!;
            const flipped = sig[1]!.replace(/^./, (c) => (c === '0' ? '1' : '0'));
            targets.push(() => ({ ...signed, headers: { ...signed.headers, authorization: value.replace(sig[1]!, flipped) } }));
            continue;
          }
          targets.push(() => {
            const changed = mutate(value, pick, shift);
            return changed === undefined ? undefined : { ...signed, headers: { ...signed.headers, [name]: changed } };
          });
        }
        const tampered = targets[which % targets.length]!();
        fc.pre(tampered !== undefined);
        let error: unknown;
        try {
          await verifyRequest(tampered, options);
        } catch (err) {
          error = err;
        }
        expect(isSignatureVerificationError(error), JSON.stringify(tampered)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
