// The three identities the suite wants ([s3 main], [s3 alt], [s3 tenant]), as `s3kit serve --users`
// accounts and as the suite's config file. Loopback-only test keys, not secrets.

/** The suite's identities. */
export const IDENTITIES = {
  main: {
    accessKeyId: 'S3KITMAINACCESSKEY01',
    secretAccessKey: 's3kit-main-secret-key-for-s3-tests-000001',
    id: 'f1d3b8a5c4e2f0a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4',
    displayName: 'M. Tester',
    email: 'tester@example.com',
  },
  alt: {
    accessKeyId: 'S3KITALTACCESSKEY002',
    secretAccessKey: 's3kit-alt-secret-key-for-s3-tests-0000002',
    id: '56789abcdef0123456789abcdef0123456789abcdef0123456789abcdef01234',
    displayName: 'john.doe',
    email: 'john.doe@example.com',
  },
  tenant: {
    accessKeyId: 'S3KITTENANTACCESSKEY',
    secretAccessKey: 's3kit-tenant-secret-key-for-s3-tests-0003',
    id: '9876543210abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    displayName: 'tenanteduser',
    email: 'tenanteduser@example.com',
  },
};

/** The `--users` file of `s3kit serve`. */
export function usersFile() {
  return `${JSON.stringify(Object.values(IDENTITIES), null, 2)}\n`;
}

function section(name, entries) {
  return [`[${name}]`, ...Object.entries(entries).map(([k, v]) => `${k} = ${v}`), ''].join('\n');
}

const identity = (u) => ({ display_name: u.displayName, user_id: u.id, email: u.email, access_key: u.accessKeyId, secret_key: u.secretAccessKey });

/** The suite's config (S3TEST_CONF) for a server on 127.0.0.1:`port`. IAM sections are required by its loader only. */
export function s3testsConfig(port) {
  const unused = { access_key: 'UNUSEDIAMACCESSKEY00', secret_key: 'unused-iam-secret', user_id: 'unused', email: 'unused@example.com', display_name: 'unused' };
  return [
    section('DEFAULT', { host: '127.0.0.1', port, is_secure: 'False', ssl_verify: 'False' }),
    section('fixtures', { 'bucket prefix': 's3kit-{random}-' }),
    section('s3 main', { ...identity(IDENTITIES.main), api_name: '' }),
    section('s3 alt', identity(IDENTITIES.alt)),
    section('s3 tenant', { ...identity(IDENTITIES.tenant), tenant: 'testx' }),
    section('iam', unused),
    section('iam root', unused),
    section('iam alt root', unused),
  ].join('\n');
}
