/** Contract cases: bucket configurations stored and returned (CORS with its preflight, lifecycle). */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { ContractCase } from './contract-case.js';
import { expectError, expectOk } from './contract-case.js';
import { pathOf } from './raw-client.js';
import { xmlAll, xmlText } from './xml.js';

const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

export const CONFIGURATION_CASES: readonly ContractCase[] = [
  {
    op: 'PutBucketCors',
    behaviour: 'rules stored and returned; OPTIONS preflight answered from them (200 or 403); none: 404 NoSuchCORSConfiguration',
    async run({ c, newBucket }) {
      const b = await newBucket();
      expectError(await c.send('GET', pathOf(b), { query: { cors: '' } }), 404, 'NoSuchCORSConfiguration');
      const body = `<CORSConfiguration ${NS}><CORSRule><AllowedOrigin>https://*.example.com</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>60</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
      expectOk(await c.send('PUT', pathOf(b), { query: { cors: '' }, body }));
      expect(xmlAll((await c.send('GET', pathOf(b), { query: { cors: '' } })).text, 'AllowedMethod')).toEqual(['GET', 'PUT']);
      const ok = await c.send('OPTIONS', pathOf(b, 'k'), { auth: 'none', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } });
      expectOk(ok);
      expect(ok.headers['access-control-allow-origin']).toBe('https://app.example.com');
      const refused = await c.send('OPTIONS', pathOf(b, 'k'), { auth: 'none', headers: { origin: 'https://evil.test', 'access-control-request-method': 'GET' } });
      expect(refused.status).toBe(403);
    },
  },
  {
    op: 'PutBucketLifecycleConfiguration',
    behaviour: 'rules validated and returned; a date not at midnight: 400; none: 404 NoSuchLifecycleConfiguration',
    async run({ c, newBucket }) {
      const b = await newBucket();
      expectError(await c.send('GET', pathOf(b), { query: { lifecycle: '' } }), 404, 'NoSuchLifecycleConfiguration');
      const rule = (expiration: string) => `<LifecycleConfiguration ${NS}><Rule><ID>r1</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status><Expiration>${expiration}</Expiration></Rule></LifecycleConfiguration>`;
      const md5 = (s: string) => ({ 'content-md5': createHash('md5').update(s).digest('base64') });
      expectOk(await c.send('PUT', pathOf(b), { query: { lifecycle: '' }, body: rule('<Days>30</Days>'), headers: md5(rule('<Days>30</Days>')) }));
      const got = await c.send('GET', pathOf(b), { query: { lifecycle: '' } });
      expect([xmlText(got.text, 'ID'), xmlText(got.text, 'Days'), xmlText(got.text, 'Prefix')]).toEqual(['r1', '30', 'logs/']);
      const bad = rule('<Date>2030-01-01T12:00:00Z</Date>');
      expect((await c.send('PUT', pathOf(b), { query: { lifecycle: '' }, body: bad, headers: md5(bad) })).status).toBe(400);
    },
  },
];
