/**
 * The two STS actions the credential providers need, over the Query API (POST form-urlencoded,
 * `Version=2011-06-15`). See https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
import { ConfigError, CredentialsError, encodeRfc3986, systemClock, throwIfAborted } from '@s3kit/primitives';
import type { Clock, HttpRequest, HttpTransport } from '@s3kit/primitives';
import type { AwsCredentials } from '../aws-credentials.js';
import { createSigner } from '../signer.js';
import { makeCredentials, parseExpiration } from './credentials.js';
import { parseEndpoint } from './http-util.js';
import { StsServiceError } from './sts-error.js';
import { xmlText } from './sts-xml.js';

/** Where and how to call STS. */
export interface StsCallOptions {
  /** Region: picks the regional endpoint `sts.<region>.amazonaws.com` and the signing region. */
  region: string;
  /** Endpoint URL instead of the regional one (e.g. a test server `http://127.0.0.1:4566`). */
  endpoint?: string | undefined;
  /** HTTP port. */
  transport: HttpTransport;
  /** Time source for signing. @default systemClock */
  clock?: Clock | undefined;
  /** Aborts the call. */
  signal?: AbortSignal | undefined;
}

/** Parameters of `AssumeRole`. */
export interface AssumeRoleParams {
  roleArn: string;
  roleSessionName: string;
  externalId?: string | undefined;
  durationSeconds?: number | undefined;
  /** MFA device serial number (`mfa_serial`). */
  serialNumber?: string | undefined;
  /** The current MFA code, with `serialNumber`. */
  tokenCode?: string | undefined;
}

/** Parameters of `AssumeRoleWithWebIdentity`. */
export interface AssumeRoleWithWebIdentityParams {
  roleArn: string;
  roleSessionName: string;
  /** The OIDC token (a secret: never logged). */
  webIdentityToken: string;
  durationSeconds?: number | undefined;
}

const REGION = /^[a-z0-9-]{1,64}$/;

function endpointRequest(options: StsCallOptions, form: Record<string, string | undefined>): HttpRequest {
  if (!REGION.test(options.region)) throw new ConfigError(`Invalid STS region ${JSON.stringify(options.region)}`, { source: 'region' });
  const url = options.endpoint ?? `https://sts.${options.region}.amazonaws.com`;
  const endpoint = parseEndpoint(url);
  if (!endpoint) throw new ConfigError('Invalid STS endpoint URL', { source: 'stsEndpoint' });
  const body = Object.entries(form)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`)
    .join('&');
  const request: HttpRequest = {
    method: 'POST',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    path: `${endpoint.basePath}/`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  };
  if (endpoint.port !== undefined) request.port = endpoint.port;
  return request;
}

async function call(operation: string, request: HttpRequest, options: StsCallOptions): Promise<AwsCredentials> {
  throwIfAborted(options.signal);
  const response = await options.transport.send(request, options.signal ? { signal: options.signal } : {});
  const text = await response.body.text();
  if (response.statusCode !== 200) {
    throw new StsServiceError({
      operation,
      statusCode: response.statusCode,
      code: xmlText(text, 'Error', 'Code') ?? `Http${response.statusCode}`,
      message: xmlText(text, 'Error', 'Message') ?? '',
      requestId: xmlText(text, 'RequestId') ?? response.headers['x-amzn-requestid'],
    });
  }
  const where = `STS ${operation}`;
  const expiration = parseExpiration(xmlText(text, 'Credentials', 'Expiration'), `${where} Expiration`);
  if (xmlText(text, 'Credentials') === undefined) throw new CredentialsError(`${where}: response has no <Credentials>`);
  return makeCredentials(
    where,
    xmlText(text, 'Credentials', 'AccessKeyId'),
    xmlText(text, 'Credentials', 'SecretAccessKey'),
    xmlText(text, 'Credentials', 'SessionToken'),
    expiration,
  );
}

/**
 * Calls STS `AssumeRole`, signed with `sourceCredentials` (SigV4, service `sts`).
 * @throws StsServiceError with STS's code (e.g. `AccessDenied`); CredentialsError `ERR_CREDENTIALS`
 *   for a malformed response; NetworkError, TimeoutError, AbortError from the transport.
 */
export async function assumeRole(params: AssumeRoleParams, sourceCredentials: AwsCredentials, options: StsCallOptions): Promise<AwsCredentials> {
  const request = endpointRequest(options, {
    Action: 'AssumeRole',
    Version: '2011-06-15',
    RoleArn: params.roleArn,
    RoleSessionName: params.roleSessionName,
    ExternalId: params.externalId,
    DurationSeconds: params.durationSeconds === undefined ? undefined : String(params.durationSeconds),
    SerialNumber: params.serialNumber,
    TokenCode: params.tokenCode,
  });
  const signer = createSigner({ credentials: sourceCredentials, region: options.region, service: 'sts', clock: options.clock ?? systemClock });
  return call('AssumeRole', signer.signSync(request), options);
}

/**
 * Calls STS `AssumeRoleWithWebIdentity`. The request is not signed: the web identity token is the proof.
 * @throws StsServiceError with STS's code (e.g. `InvalidIdentityToken`); CredentialsError
 *   `ERR_CREDENTIALS` for a malformed response; NetworkError, TimeoutError, AbortError.
 */
export async function assumeRoleWithWebIdentity(params: AssumeRoleWithWebIdentityParams, options: StsCallOptions): Promise<AwsCredentials> {
  const request = endpointRequest(options, {
    Action: 'AssumeRoleWithWebIdentity',
    Version: '2011-06-15',
    RoleArn: params.roleArn,
    RoleSessionName: params.roleSessionName,
    WebIdentityToken: params.webIdentityToken,
    DurationSeconds: params.durationSeconds === undefined ? undefined : String(params.durationSeconds),
  });
  return call('AssumeRoleWithWebIdentity', request, options);
}
