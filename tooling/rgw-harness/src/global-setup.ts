import type { TestProject } from 'vitest/node';
import { RgwHarnessError } from './errors.js';
import { CEPH_PACKAGES } from './platform.js';
import { startRgw } from './rgw.js';
import { s3ConfigFromEnv, s3ConfigToEnv, S3_TEST_ENV, type S3TestConfig } from './s3-test-config.js';

const HOW_TO_FIX = [
  'Integration tests need a real S3 server and are never skipped. Either:',
  `  - run as root on Debian/Ubuntu (the harness then installs: apt-get install -y --no-install-recommends ${CEPH_PACKAGES.join(' ')}), or`,
  `  - point them at another server: ${S3_TEST_ENV.endpoint}=http://127.0.0.1:9000 ${S3_TEST_ENV.accessKeyId}=... ${S3_TEST_ENV.secretAccessKey}=... [${S3_TEST_ENV.region}=us-east-1], or`,
  '  - run only the unit tests: vitest run --project "!integ".',
].join('\n');

/**
 * The error text for a run where RGW cannot start here: the reason, then the ways out.
 * This is what the `integ` project fails with instead of passing with nothing tested.
 */
export function notRunMessage(reason: string): string {
  return `The integ project did not run. ${reason}.\n${HOW_TO_FIX}`;
}

/**
 * Vitest global setup of the `integ` project: starts one RGW for the whole run (or uses the
 * S3KIT_TEST_* override), provides it to tests as `inject('s3')`, exports it to child processes as
 * S3KIT_TEST_* variables, and returns the teardown that stops it.
 *
 * When RGW cannot run here and no override is set, it throws {@link notRunMessage}: the run fails
 * with the reason and the ways out. There is deliberately no "skip" mode.
 *
 * @throws {RgwHarnessError} `ERR_RGW_UNAVAILABLE`, `ERR_RGW_START` or `ERR_RGW_CONFIG`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let config: S3TestConfig | undefined = s3ConfigFromEnv();
  let stop = (): Promise<void> => Promise.resolve();
  if (!config) {
    try {
      const rgw = await startRgw();
      config = { endpoint: rgw.endpoint, accessKeyId: rgw.accessKeyId, secretAccessKey: rgw.secretAccessKey, region: rgw.region, source: 'rgw' };
      stop = () => rgw.stop();
    } catch (error) {
      if (error instanceof RgwHarnessError && error.code === 'ERR_RGW_UNAVAILABLE') {
        throw new RgwHarnessError(error.code, notRunMessage(error.message), { cause: error });
      }
      throw error;
    }
  }
  project.provide('s3', config);
  const vars = s3ConfigToEnv(config);
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  return async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
    await stop();
  };
}
