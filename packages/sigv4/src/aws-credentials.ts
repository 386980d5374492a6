/** AWS credentials as the signer uses them. */
export interface AwsCredentials {
  /** Access key id (`AKIA...`, `ASIA...`): an identifier, sent in clear in every signature. */
  readonly accessKeyId: string;
  /** Secret access key. Only ever used as HMAC key material; never logged or put in errors. */
  readonly secretAccessKey: string;
  /** Session token of temporary credentials; sent as `x-amz-security-token`. */
  readonly sessionToken?: string | undefined;
  /** When temporary credentials expire. */
  readonly expiration?: Date | undefined;
}

/** Options passed to a {@link CredentialsProvider}. */
export interface CredentialsProviderOptions {
  /** Aborts a pending fetch of credentials. */
  signal?: AbortSignal | undefined;
}

/**
 * A function resolving credentials, e.g. from the environment, a profile or IMDS. The signer calls
 * it before every signature: memoize inside the provider.
 */
export type CredentialsProvider = (options?: CredentialsProviderOptions) => Promise<AwsCredentials>;
