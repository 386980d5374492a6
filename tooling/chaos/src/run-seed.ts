/** Runs one seed in a lane: stage, faults, child run(s), checks. */
import { rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildRun } from './child.js';
import { runChild } from './child.js';
import { startCredentialServer } from './credential-server.js';
import type { CredentialServer } from './credential-server.js';
import { BUCKET, resetLane, STATIC_CREDENTIALS } from './environment.js';
import type { ChaosLane } from './environment.js';
import { injectFaults } from './inject.js';
import type { ChildSettings } from './inject.js';
import { checkInvariants, cliClaim, workerClaim } from './invariants.js';
import type { Verdict } from './invariants.js';
import { prepareStage, SYNC_PREFIX } from './prepare.js';
import type { Stage } from './prepare.js';
import { scenarioOf } from './scenario.js';
import type { Scenario } from './scenario.js';
import type { WorkerJob } from './worker-protocol.js';

/** The outcome of one seed. */
export interface SeedResult extends Verdict {
  seed: number;
  scenario: Scenario;
  /** The last run's output, for the report of a failing seed. */
  output: string;
  ms: number;
}

/** The built worker script (also when this module runs from its TypeScript source, under vitest). */
const WORKER = join(import.meta.dirname, '../dist/worker.js');
/** The built `s3kit` bin. */
export const BIN = join(import.meta.dirname, '../../../packages/cli/dist/bundle/s3kit.js');

/** Longest a single child run may take. */
const RUN_LIMIT_MS = 90_000;
/** Longest the server may go on with requests after the child exited (slow answers take 1.5 s). */
const IDLE_LIMIT_MS = 10_000;

function childEnv(settings: ChildSettings, credentials: CredentialServer | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_REGION: 'us-east-1',
  };
  if (credentials && settings.expiringCredentials) {
    env.AWS_CONTAINER_CREDENTIALS_FULL_URI = credentials.uri;
  } else {
    env.AWS_ACCESS_KEY_ID = STATIC_CREDENTIALS.accessKeyId;
    env.AWS_SECRET_ACCESS_KEY = STATIC_CREDENTIALS.secretAccessKey;
    env.AWS_SESSION_TOKEN = STATIC_CREDENTIALS.sessionToken;
  }
  return env;
}

/** The node arguments of the seed's command. */
function commandOf(s: Scenario, stage: Stage, lane: ChaosLane, settings: ChildSettings): string[] {
  const endpoint = lane.proxy.endpoint;
  if (s.driver === 'worker') {
    const job: WorkerJob = { endpoint, operation: s.operation as WorkerJob['operation'], bucket: BUCKET, key: 'uploaded.bin', partSize: s.partSize };
    if (s.operation === 'download') job.key = 'object.bin';
    if (s.operation === 'copy') Object.assign(job, { key: 'copied.bin', sourceKey: 'object.bin' });
    if (s.operation !== 'copy') job.path = stage.file;
    if (settings.killAndResume) job.checkpoint = `${stage.file}.ckpt`;
    if (settings.timeoutMs !== undefined) job.timeoutMs = settings.timeoutMs;
    return [WORKER, JSON.stringify(job)];
  }
  const common = ['--endpoint-url', endpoint, '--no-progress', '--part-size', '5MiB', ...(settings.killAndResume ? ['--resume'] : [])];
  const object = (key: string): string => `s3://${BUCKET}/${key}`;
  switch (s.operation) {
    case 'cli-upload':
      return [BIN, 'cp', stage.file, object('uploaded.bin'), ...common];
    case 'cli-download':
      return [BIN, 'cp', object('object.bin'), stage.file, ...common];
    case 'cli-copy':
      return [BIN, 'cp', object('object.bin'), object('copied.bin'), ...common];
    case 'cli-sync-up':
      return [BIN, 'sync', join(stage.dir, 'tree'), object(SYNC_PREFIX), '--delete', ...common];
    default:
      return [BIN, 'sync', object(SYNC_PREFIX), join(stage.dir, 'tree'), '--delete', ...common];
  }
}

/** Whether a transfer has sent or received some data yet (the moment to kill it). */
function transferStarted(lane: ChaosLane): boolean {
  return lane.mock.requests.some((r) => (r.operation === 'UploadPart' || r.operation === 'GetObject') && r.status >= 200 && r.status < 300);
}

/** Runs seed `seed` in `lane` and checks it. */
export async function runSeed(lane: ChaosLane, seed: number): Promise<SeedResult> {
  const started = Date.now();
  const scenario = scenarioOf(seed);
  resetLane(lane);
  const dir = join(lane.root, `seed-${seed}`);
  await rm(dir, { recursive: true, force: true });
  const stage = await prepareStage(scenario, lane.mock.engine, dir);
  const settings = injectFaults(scenario, lane);
  const credentials = settings.expiringCredentials ? await startCredentialServer(lane.credentials, seed) : undefined;
  try {
    const env = childEnv(settings, credentials);
    const args = commandOf(scenario, stage, lane, settings);
    const runs: ChildRun[] = [];
    if (settings.killAndResume) {
      runs.push(await runChild(args, { env, cwd: dir, limitMs: RUN_LIMIT_MS, killWhen: () => transferStarted(lane), killAfterMs: 5_000 }));
    }
    if (runs.length === 0 || runs[0]!.killed) runs.push(await runChild(args, { env, cwd: dir, limitMs: RUN_LIMIT_MS }));
    // What the server still does for requests the client gave up on belongs to this run.
    await Promise.race([lane.proxy.idle(), new Promise((resolve) => setTimeout(resolve, IDLE_LIMIT_MS))]);
    const last = runs.at(-1)!;
    const claim = scenario.driver === 'worker' ? workerClaim(last) : cliClaim(last);
    const secrets = [STATIC_CREDENTIALS.secretAccessKey, STATIC_CREDENTIALS.sessionToken, ...(credentials?.secrets ?? [])];
    const verdict = await checkInvariants({ expectation: stage.expectation, claim, runs, mock: lane.mock, dir, secrets });
    return { seed, scenario, ...verdict, output: `exit ${String(last.code ?? last.signal)}\n${last.stdout}${last.stderr}`, ms: Date.now() - started };
  } finally {
    await credentials?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The built child entry points (the matrix runs the built worker and bin, as users do).
 * @throws Error naming what to build when one is missing.
 */
export function builtEntryPoints(): { worker: string; bin: string } {
  for (const path of [WORKER, BIN]) if (!existsSync(path)) throw new Error(`${path} is missing: run 'pnpm build' first`);
  return { worker: WORKER, bin: BIN };
}
