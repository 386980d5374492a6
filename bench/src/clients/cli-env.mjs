// The environment the CLI benchmarks run s3kit and the AWS CLI in.
import { join } from 'node:path';

/**
 * Only the variables set here: test credentials, a home directory of its own with no shared config
 * files, no instance metadata lookups, no pager.
 */
export function cliEnv(home) {
  return {
    PATH: process.env.PATH,
    HOME: home,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
}
