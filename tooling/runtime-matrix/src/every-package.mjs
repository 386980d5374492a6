// Everything every published runtime-neutral package exports, for the bundle test: a bundler must
// resolve all of it for browsers and workerd with no externals, no shims and no warnings.
import * as primitives from '@s3kit/primitives';
import * as sigv4 from '@s3kit/sigv4';
import * as s3Core from '@s3kit/s3-core';
import * as s3Transfer from '@s3kit/s3-transfer';
import * as s3Mock from '@s3kit/s3-mock';

export function exportCounts() {
  return Object.fromEntries(Object.entries({ primitives, sigv4, s3Core, s3Transfer, s3Mock }).map(([name, mod]) => [name, Object.keys(mod).length]));
}
