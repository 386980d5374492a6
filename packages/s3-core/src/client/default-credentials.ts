import { createDefaultCredentialsProvider } from '@s3kit/sigv4';
import type { CredentialsProvider } from '@s3kit/sigv4';
import type { Clock, ConfigResolver, ConfigResolverOptions } from '@s3kit/primitives';

/**
 * The default credential chain of a client, reading the same profile, environment and shared files
 * as its settings: from `options` when the client built its resolver, else from the caller's own
 * `resolver` (its selected profile and its files; environment keys from `process.env`).
 */
export function defaultCredentials(options: ConfigResolverOptions | undefined, resolver: ConfigResolver, clock: Clock | undefined): CredentialsProvider {
  if (options === undefined) {
    const profile = resolver.profileName();
    return createDefaultCredentialsProvider({ ...(profile === 'default' ? {} : { profile }), sharedFiles: (o) => resolver.getSharedConfigFiles(o), clock });
  }
  const { profile, env, fs, homedir, configFile, credentialsFile } = options;
  return createDefaultCredentialsProvider({ profile, env, fs, homedir, configFile, credentialsFile, clock });
}
