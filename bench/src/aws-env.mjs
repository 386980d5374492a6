// The environment the AWS CLI runs with in the benchmarks: only the variables set here, so no
// shared config, no profile and no instance-metadata lookups.
import { join } from 'node:path';

/** Environment for `aws` with test credentials and its config files under `home`. */
export function awsCliEnv(home) {
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
