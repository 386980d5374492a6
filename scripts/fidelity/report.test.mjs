import { describe, expect, it } from 'vitest';
import { s3testsConfig, usersFile } from './identities.mjs';
import { areaOf, renderReport, tally } from './report.mjs';

const test = (name, outcome = 'passed', markers = [], reason = '') => ({ name, outcome, markers, reason });

describe('fidelity report', () => {
  it('puts each test in one feature area: markers first, then the name', () => {
    expect(areaOf(test('test_bucket_list_versions', 'passed', ['versioning']))).toBe('Versioning');
    expect(areaOf(test('test_object_lock_put_obj_lock', 'passed', ['object_lock']))).toBe('Object lock');
    expect(areaOf(test('test_post_object_anonymous_request'))).toBe('Browser-form POST uploads');
    expect(areaOf(test('test_bucket_list_delimiter_basic'))).toBe('Listings');
    expect(areaOf(test('test_bucket_create_naming_bad_short_one'))).toBe('Buckets');
    expect(areaOf(test('test_something_else'))).toBe('Other');
  });

  it('tallies per area and lists every failure under its recorded reason', () => {
    const results = [
      test('test_bucket_list_empty'),
      test('test_versioning_obj_create_read_remove', 'failed', ['versioning'], 'ClientError: NotImplemented'),
      test('test_cors_origin_response', 'error', [], 'ClientError: boom'),
      test('test_post_object_authenticated_request', 'failed', [], 'AssertionError'),
    ];
    expect(tally(results)).toEqual([
      { area: 'Versioning', passed: 0, failed: 1 },
      { area: 'Browser-form POST uploads', passed: 0, failed: 1 },
      { area: 'CORS', passed: 0, failed: 1 },
      { area: 'Listings', passed: 1, failed: 0 },
    ]);
    const md = renderReport({
      results,
      reasons: {
        test_versioning_obj_create_read_remove: { kind: 'bug', reason: 'versions not modelled yet' },
        test_cors_origin_response: { kind: 'departure', reason: 'follows AWS | not RGW' },
      },
      floor: 1,
      serverErrors: [{ line: '2026-01-01T00:00:00.000Z GET /b 500 InternalError 1.0ms' }],
      timeouts: [],
      crashed: false,
      seconds: 12.3,
      date: '2026-01-01',
      selection: 'not fails_on_aws',
      serveOptions: ['--sigv2'],
    });
    expect(md).toContain('against `s3kit serve --sigv2` with three identities');
    expect(md).toContain('**Passed 1 of 4.** CI fails below 1. Answered 500: 1. Timed out: 0. Server crashed: no. The run took 12 s.');
    expect(md).toContain('| Versioning | 0 | 1 | 1 |');
    expect(md).toContain('### Deliberate departures (1)');
    expect(md).toContain('| `test_cors_origin_response` | CORS | follows AWS \\| not RGW | ClientError: boom |');
    expect(md).toContain('### Bugs still to fix (1)');
    expect(md).toContain('### Failures without a recorded reason (1)');
    expect(md).toContain('`2026-01-01T00:00:00.000Z GET /b 500 InternalError 1.0ms`');
  });

  it('writes the three identities into the users file and the suite config', () => {
    const users = JSON.parse(usersFile());
    expect(users).toHaveLength(3);
    const conf = s3testsConfig(9000);
    expect(conf).toContain('[DEFAULT]\nhost = 127.0.0.1\nport = 9000\nis_secure = False');
    for (const section of ['[s3 main]', '[s3 alt]', '[s3 tenant]', '[iam]', '[iam root]', '[iam alt root]']) expect(conf).toContain(section);
    for (const u of users) expect(conf).toContain(`access_key = ${u.accessKeyId}\nsecret_key = ${u.secretAccessKey}`);
  });
});
