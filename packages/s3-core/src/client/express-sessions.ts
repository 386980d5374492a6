/**
 * S3 Express One Zone session credentials: a directory bucket's data-plane requests are signed with
 * short-lived credentials from `CreateSession` (five minutes on AWS) and carry their token in
 * `x-amz-s3session-token`. One session per bucket is cached, shared by concurrent requests, and
 * replaced shortly before it expires or when the server says it is no longer valid.
 */
import { createSigner } from '@s3kit/sigv4';
import type { Signer } from '@s3kit/sigv4';
import type { Clock } from '@s3kit/primitives';

/** Credentials `CreateSession` returned. */
export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** A usable session: its token header value and a signer over its keys. */
export interface ExpressSession {
  readonly token: string;
  readonly signer: Signer;
  readonly expiresAt: number;
}

/** The sessions of a client, by bucket. */
export interface ExpressSessions {
  /** The session of `bucket`, created (once for concurrent callers) or refreshed when needed. */
  get(bucket: string, signal: AbortSignal | undefined): Promise<ExpressSession>;
  /** Forgets the session of `bucket` (the server refused it); the next request creates one. */
  drop(bucket: string): void;
}

/** Options of {@link createExpressSessions}. */
export interface ExpressSessionsOptions {
  /** Calls `CreateSession` for a bucket. */
  create: (bucket: string, signal: AbortSignal | undefined) => Promise<SessionCredentials>;
  /** Region the session signers sign for. */
  region: string;
  clock: Clock;
  /** Refresh a session this long before it expires. @default 60000 */
  refreshBeforeMs?: number;
  /** Most buckets with a cached session. @default 256 */
  maxSessions?: number;
}

/** A per-client cache of S3 Express sessions. */
export function createExpressSessions(options: ExpressSessionsOptions): ExpressSessions {
  const refreshBeforeMs = options.refreshBeforeMs ?? 60_000;
  const maxSessions = options.maxSessions ?? 256;
  const sessions = new Map<string, ExpressSession>();
  const pending = new Map<string, Promise<ExpressSession>>();

  const start = (bucket: string, signal: AbortSignal | undefined): Promise<ExpressSession> => {
    const created = options.create(bucket, signal).then((credentials) => {
      const signer = createSigner({
        credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
        region: options.region,
        service: 's3express',
        clock: options.clock,
      });
      const session: ExpressSession = { token: credentials.sessionToken, signer, expiresAt: credentials.expiration.getTime() };
      if (sessions.size >= maxSessions && !sessions.has(bucket)) sessions.delete(sessions.keys().next().value!);
      sessions.set(bucket, session);
      return session;
    });
    pending.set(bucket, created);
    const clear = (): void => {
      if (pending.get(bucket) === created) pending.delete(bucket);
    };
    created.then(clear, clear);
    return created;
  };

  return {
    get(bucket, signal) {
      const session = sessions.get(bucket);
      if (session !== undefined && options.clock.now() < session.expiresAt - refreshBeforeMs) return Promise.resolve(session);
      return pending.get(bucket) ?? start(bucket, signal);
    },
    drop(bucket) {
      sessions.delete(bucket);
    },
  };
}
