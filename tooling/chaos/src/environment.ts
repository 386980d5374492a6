/**
 * One lane of the matrix: an s3-mock HTTP server, the fault proxy in front of it, a scratch
 * directory, and the credentials the children sign with. Seeds run one after another in a lane;
 * lanes run side by side and share nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createS3Mock } from '@s3kit/s3-mock';
import type { MockCredentials, S3Mock, S3MockServer } from '@s3kit/s3-mock';
import { startFaultProxy } from './fault-proxy.js';
import type { FaultProxy } from './fault-proxy.js';

/** The bucket every seed works in. */
export const BUCKET = 'chaos';

/**
 * Static credentials of the children: distinctive values, so that finding one in an output is
 * certain to be a leak (the secret key, the session token).
 */
export const STATIC_CREDENTIALS: Required<Omit<MockCredentials, 'account'>> = {
  accessKeyId: 'AKIACHAOSSTATIC00001',
  secretAccessKey: 'chaosStaticSecret/wJalrXUtnFEMI/K7MDENG/bPxRfiCY',
  sessionToken: 'chaosStaticSessionToken/IQoJb3JpZ2luX2VjEHYaCXVzLWVhc3QtMSJH',
};

/** A running lane. */
export interface ChaosLane {
  readonly mock: S3Mock;
  readonly server: S3MockServer;
  readonly proxy: FaultProxy;
  /** The mock's accepted credentials (the credential server adds to it). */
  readonly credentials: MockCredentials[];
  /** Scratch directory of the lane (each seed gets a fresh subdirectory). */
  readonly root: string;
  stop(): Promise<void>;
}

/** Parts as small as the worker's (256 KiB); the CLI's 5 MiB parts are above it anyway. */
const MOCK_MIN_PART_SIZE = 64 * 1024;

/** Starts a lane on loopback. */
export async function startLane(): Promise<ChaosLane> {
  const credentials: MockCredentials[] = [STATIC_CREDENTIALS];
  const mock = createS3Mock({ credentials, minPartSize: MOCK_MIN_PART_SIZE });
  const server = await mock.start();
  const proxy = await startFaultProxy({ host: server.host, port: server.port }, mock.engine);
  const root = await mkdtemp(join(tmpdir(), 's3kit-chaos-'));
  return {
    mock,
    server,
    proxy,
    credentials,
    root,
    stop: async () => {
      await proxy.stop();
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Brings a lane back to an empty bucket, no faults, only the static credentials. */
export function resetLane(lane: ChaosLane): void {
  lane.mock.reset();
  lane.proxy.clear();
  lane.credentials.length = 0;
  lane.credentials.push(STATIC_CREDENTIALS);
  lane.mock.engine.createBucket({ Bucket: BUCKET });
}
