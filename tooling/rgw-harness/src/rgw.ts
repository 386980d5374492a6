import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MON_ID, RGW_NAME, monAddrs, renderCephConf } from './ceph-conf.js';
import { startDaemon, releaseDir, trackDir, type Daemon } from './daemon.js';
import { RgwHarnessError } from './errors.js';
import { runCommand } from './exec.js';
import { freeLoopbackPorts } from './free-ports.js';
import { httpGetRoot, signedListBuckets } from './http-probe.js';
import { logTails } from './log-tails.js';
import { cephPath, checkPlatform, installCeph, type PlatformStatus } from './platform.js';
import { DIR_PREFIX, OWNER_FILE, removeStaleDirs } from './stale-dirs.js';
import { waitFor } from './wait-for.js';

/** Options for {@link startRgw}. */
export interface StartRgwOptions {
  /** Aborts the start-up; everything started so far is stopped and removed. */
  readonly signal?: AbortSignal;
  /** Bound on the whole start-up, not counting a package install. @default 60000 */
  readonly timeoutMs?: number;
  /** Install the Ceph packages with apt-get when they are missing (root on Debian/Ubuntu only). @default true */
  readonly install?: boolean;
  /** Where the cluster's temporary directory is created. @default os.tmpdir() */
  readonly parentDir?: string;
  /** Cap on the memstore OSD's RAM, in bytes; memory is used only as objects are written. @default 1073741824 */
  readonly memstoreBytes?: number;
  /** Region the credentials are meant for (RGW accepts any region in the signing scope). @default 'us-east-1' */
  readonly region?: string;
  /**
   * Extra ceph.conf text appended after the harness's own settings, e.g. debug levels
   * (`[client.rgw.s3kit]\ndebug rgw = 20`). A key repeated in the same section overrides.
   * @default ''
   */
  readonly extraConf?: string;
}

/** PIDs of the daemons one {@link startRgw} call started. */
export interface RgwPids {
  readonly mon: number;
  readonly osd: number;
  readonly rgw: number;
}

/** A running RGW and the credentials of its S3 user. */
export interface RgwServer {
  /** `http://127.0.0.1:PORT`, path-style S3 endpoint. Virtual hosts work as `BUCKET.localhost:PORT`. */
  readonly endpoint: string;
  /** Access key of the S3 user created for this cluster. */
  readonly accessKeyId: string;
  /** Secret key of the S3 user created for this cluster. */
  readonly secretAccessKey: string;
  /** Region to sign for. */
  readonly region: string;
  /** The cluster's temporary directory (config, logs, mon store); removed by {@link RgwServer.stop}. */
  readonly dir: string;
  /** PIDs of the daemons started for this cluster. */
  readonly pids: RgwPids;
  /**
   * Stops rgw, then the OSD, then the mon (only the PIDs started here), waits for each to exit and
   * removes {@link RgwServer.dir}. Idempotent: later calls return the first call's promise.
   */
  stop(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_PORT_ATTEMPTS = 3;
const PORT_CLASH = /address already in use/i;

/** Thrown inside one attempt; carries what is needed to clean up and to retry. */
class AttemptError extends Error {
  constructor(
    message: string,
    readonly tails: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

function rgwUnavailable(status: Extract<PlatformStatus, { available: false }>): RgwHarnessError {
  return new RgwHarnessError('ERR_RGW_UNAVAILABLE', `Cannot run Ceph RADOS Gateway on this machine: ${status.reason}`);
}

/**
 * Starts a throw-away Ceph cluster (one mon, one memstore OSD, radosgw) listening on 127.0.0.1
 * only, creates an S3 user, and resolves once a SigV4-signed ListBuckets succeeds.
 *
 * Each call gets its own temporary directory and free ports, so calls may run concurrently.
 * The daemons are children of this process and die with it.
 *
 * @throws {RgwHarnessError} `ERR_RGW_UNAVAILABLE` when Ceph is missing and cannot be installed here;
 *   `ERR_RGW_START` when a daemon fails or a bounded wait runs out (the message ends with the daemon
 *   log tails; everything started has been stopped and the directory removed); `ERR_ABORTED`.
 * @example
 * ```ts
 * const rgw = await startRgw();
 * try {
 *   // point an S3 client at rgw.endpoint with rgw.accessKeyId / rgw.secretAccessKey
 * } finally {
 *   await rgw.stop();
 * }
 * ```
 */
export async function startRgw(options: StartRgwOptions = {}): Promise<RgwServer> {
  const status = checkPlatform();
  if (!status.available) throw rgwUnavailable(status);
  if (status.needsInstall) {
    if (options.install === false) throw rgwUnavailable({ available: false, reason: 'Ceph is not installed and install: false was given' });
    try {
      await installCeph(options.signal);
    } catch (error) {
      throw new RgwHarnessError('ERR_RGW_START', `Installing Ceph failed: ${(error as Error).message}`, { cause: error });
    }
  }
  const parent = options.parentDir ?? tmpdir();
  await removeStaleDirs(parent);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(parent, options);
    } catch (error) {
      if (options.signal?.aborted) {
        throw new RgwHarnessError('ERR_ABORTED', 'startRgw was aborted', { cause: options.signal.reason });
      }
      const attemptError = error as AttemptError;
      // Free ports are found by listening on port 0 and releasing; another process may grab one first.
      if (attempt < MAX_PORT_ATTEMPTS && PORT_CLASH.test(attemptError.tails)) continue;
      throw new RgwHarnessError(
        'ERR_RGW_START',
        `Starting Ceph RADOS Gateway failed: ${attemptError.message}${attemptError.tails ? `\nDaemon log tails:\n${attemptError.tails}` : ''}`,
        { cause: attemptError.cause },
      );
    }
  }
}

async function startOnce(parent: string, options: StartRgwOptions): Promise<RgwServer> {
  const { signal } = options;
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const remaining = (): number => Math.max(1, deadline - Date.now());
  const region = options.region ?? 'us-east-1';
  const accessKeyId = `S3KIT${randomBytes(8).toString('hex').toUpperCase()}`;
  const secretAccessKey = randomBytes(24).toString('base64url');

  const dir = await mkdtemp(join(parent, DIR_PREFIX));
  trackDir(dir);
  const started: Daemon[] = [];
  try {
    await writeFile(join(dir, OWNER_FILE), String(process.pid));
    const [monV2Port, monV1Port, rgwPort] = (await freeLoopbackPorts(3)) as [number, number, number];
    const fsid = randomUUID();
    const conf = join(dir, 'ceph.conf');
    await writeFile(conf, renderCephConf({ fsid, dir, monV2Port, monV1Port, rgwPort, memstoreBytes: options.memstoreBytes ?? 1024 ** 3 }) + (options.extraConf ?? ''));
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: cephPath() };
    delete env['CEPH_ARGS'];
    delete env['CEPH_CONF'];
    const c = ['-c', conf];
    const run = (cmd: string, args: string[], timeoutMs = 20_000, secretFlags: string[] = []): Promise<string> =>
      runCommand(cmd, args, { env, signal, secretFlags, timeoutMs: Math.min(timeoutMs, remaining()) });
    const daemon = async (name: string, cmd: string, args: string[]): Promise<Daemon> => {
      const d = await startDaemon(name, cmd, args, { dir, env });
      started.push(d);
      return d;
    };

    await run('monmaptool', ['--create', '--fsid', fsid, '--addv', MON_ID, monAddrs({ monV2Port, monV1Port }), join(dir, 'monmap')]);
    await run('ceph-mon', [...c, '-i', MON_ID, '--mkfs', '--monmap', join(dir, 'monmap')]);
    const mon = await daemon('mon', 'ceph-mon', [...c, '-i', MON_ID, '-f']);
    await waitFor(() => run('ceph', [...c, '--connect-timeout', '5', 'mon', 'stat'], 10_000).then(() => true), {
      what: 'mon stat',
      timeoutMs: remaining(),
      daemons: [mon],
      signal,
    });

    const osdUuid = randomUUID();
    const osdId = (await run('ceph', [...c, 'osd', 'new', osdUuid])).trim();
    if (osdId !== '0') throw new Error(`\`ceph osd new\` returned id ${JSON.stringify(osdId)}, expected 0`);
    await mkdir(join(dir, 'osd.0'));
    await run('ceph-osd', [...c, '-i', '0', '--mkfs', '--osd-uuid', osdUuid]);
    const osd = await daemon('osd', 'ceph-osd', [...c, '-i', '0', '-f']);
    await waitFor(
      async () => {
        const dump = JSON.parse(await run('ceph', [...c, 'osd', 'dump', '--format', 'json'], 10_000)) as { osds?: { osd: number; up: number }[] };
        return dump.osds?.some((o) => o.osd === 0 && o.up === 1) ?? false;
      },
      { what: 'osd.0 up', timeoutMs: remaining(), daemons: [mon, osd], signal },
    );
    // Only now: radosgw-admin started while the OSD boots stalled ~5 s in 1 of 6 starts (its first
    // ops wait for the objecter's 5 s tick); after the OSD is up it takes 0.2-0.7 s. It also runs
    // before radosgw, so the two never race to create the default zone and pools.
    await run(
      'radosgw-admin',
      [...c, 'user', 'create', '--uid', 's3kit', '--display-name', 's3kit test user', '--access-key', accessKeyId, '--secret-key', secretAccessKey],
      30_000,
      ['--secret-key'],
    );
    await mkdir(join(dir, 'rgw'));
    const rgw = await daemon('rgw', 'radosgw', [...c, '-n', RGW_NAME, '-f']);
    const all = [mon, osd, rgw];
    const endpoint = `http://127.0.0.1:${rgwPort}`;
    await waitFor(async () => (await httpGetRoot(endpoint, {}, 2_000)).status === 200, { what: `HTTP 200 from ${endpoint}/`, timeoutMs: remaining(), daemons: all, signal });
    await waitFor(
      async () => {
        const res = await signedListBuckets(endpoint, { accessKeyId, secretAccessKey, region }, 2_000);
        if (res.status !== 200) throw new Error(`signed ListBuckets returned HTTP ${res.status}: ${res.body.slice(0, 300)}`);
        return res.body.includes('ListAllMyBucketsResult');
      },
      { what: 'a signed ListBuckets to succeed', timeoutMs: remaining(), daemons: all, signal },
    );

    let stopping: Promise<void> | undefined;
    return {
      endpoint,
      accessKeyId,
      secretAccessKey,
      region,
      dir,
      pids: { mon: mon.pid, osd: osd.pid, rgw: rgw.pid },
      stop: () => (stopping ??= stopCluster(dir, rgw, osd, mon)),
    };
  } catch (error) {
    await Promise.all(started.map((d) => d.stop('SIGKILL', 0)));
    const tails = await logTails(dir);
    await removeDir(dir);
    throw new AttemptError(error instanceof Error ? error.message : String(error), tails, { cause: error });
  }
}

async function removeDir(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  } finally {
    releaseDir(dir);
  }
}

async function stopCluster(dir: string, rgw: Daemon, osd: Daemon, mon: Daemon): Promise<void> {
  // rgw shuts down cleanly in ~50 ms. The OSD and mon hold only throw-away state: a graceful OSD
  // stop waits for the mon's ack and then dumps memstore to disk (seconds, for nothing), so kill them.
  await rgw.stop('SIGTERM', 3_000);
  await osd.stop('SIGKILL', 0);
  await mon.stop('SIGKILL', 0);
  await removeDir(dir);
}
