/**
 * Temporary credentials that expire during a transfer: a container credentials endpoint
 * (`AWS_CONTAINER_CREDENTIALS_FULL_URI`, loopback) that hands out a new key, secret and session
 * token on every call, each marked as expiring just past the SDKs' 5-minute refresh window, so a
 * client refreshes them (and signs with new ones) while it transfers. Every key issued is added
 * to the mock's accepted credentials.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockCredentials } from '@s3kit/s3-mock';

/** A running credentials endpoint. */
export interface CredentialServer {
  /** The value for `AWS_CONTAINER_CREDENTIALS_FULL_URI`. */
  readonly uri: string;
  /** Every secret and session token issued so far (none may ever appear in an output). */
  readonly secrets: readonly string[];
  stop(): Promise<void>;
}

/** Margin past the clients' refresh window (5 minutes before expiry): credentials go stale after this long. */
const STALE_AFTER_MS = 250;

/**
 * Starts the endpoint on loopback; issued credentials are pushed onto `accepted` (the array the mock
 * was created with).
 * @throws Error when no port can be bound.
 */
export async function startCredentialServer(accepted: MockCredentials[], seed: number, now: () => number = Date.now): Promise<CredentialServer> {
  const secrets: string[] = [];
  let issued = 0;
  const server: Server = createServer((_req, res) => {
    issued++;
    const id = `ASIACHAOS${String(seed).padStart(6, '0')}${String(issued).padStart(5, '0')}`;
    const credentials = {
      accessKeyId: id,
      secretAccessKey: `chaosTemporarySecret/${seed}/${issued}/wJalrXUtnFEMIK7MDENG`,
      sessionToken: `chaosSessionToken${seed}x${issued}FwoGZXIvYXdzEBYaDOnf8zUc`,
    };
    accepted.push(credentials);
    secrets.push(credentials.secretAccessKey, credentials.sessionToken);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        Token: credentials.sessionToken,
        Expiration: new Date(now() + 5 * 60_000 + STALE_AFTER_MS).toISOString(),
      }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    uri: `http://127.0.0.1:${port}/credentials`,
    secrets,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
