/**
 * The invariants checked after every run: success with byte-identical data or a typed failure with
 * a non-zero exit (never a silent exit, never exit 0 on failure); no corrupt object and no corrupt
 * or partial file at a destination name; no orphaned multipart upload or temp file unless kept on
 * purpose and named in the error; `sync --delete` deletes only what a complete listing showed
 * extraneous; no secret in any output.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { S3Mock } from '@s3kit/s3-mock';
import type { ChildRun } from './child.js';
import { BUCKET } from './environment.js';
import { sha256 } from './prepare.js';
import type { Expectation } from './prepare.js';
import { RESULT_PREFIX } from './worker-protocol.js';
import type { WorkerResult } from './worker-protocol.js';

/** A broken invariant. */
export type Violation = 'corrupt' | 'orphaned' | 'silent' | 'untyped' | 'bad-delete' | 'secret' | 'hung';

/** How the run ended, as its process told it. */
export interface Claim {
  /** `ok`: exit 0 and success; `failed`: non-zero exit and an error message; `silent`: anything else. */
  outcome: 'ok' | 'failed' | 'silent';
  /** The error has a stable code (an s3kit error class, or S3's own code). */
  typed: boolean;
  /** The error text (for checking that a kept upload or file is named). */
  message: string;
}

/** The verdict on a seed. */
export interface Verdict {
  outcome: 'succeeded' | 'failed';
  violations: Violation[];
  /** Why, for each violation. */
  notes: string[];
}

/** What a worker run says: its last `CHAOS-RESULT` line. */
export function workerClaim(run: ChildRun): Claim {
  const line = run.stdout.split('\n').reverse().find((l) => l.startsWith(RESULT_PREFIX));
  if (line === undefined) return { outcome: 'silent', typed: false, message: run.stderr };
  const result = JSON.parse(line.slice(RESULT_PREFIX.length)) as WorkerResult;
  if (result.ok) return { outcome: run.code === 0 ? 'ok' : 'silent', typed: true, message: '' };
  const error = result.error;
  const message = error?.message ?? '';
  if (run.code === 0 || run.code === null) return { outcome: 'silent', typed: false, message };
  return { outcome: 'failed', typed: error?.typed === true && typeof error.code === 'string' && error.code !== '', message };
}

/** s3kit prints `[CODE]` after its own errors and `Operation ... failed: Code (status)` for S3's. */
const TYPED_CLI_ERROR = /\[[A-Z][A-Za-z0-9_]*\]|failed: [A-Z][A-Za-z0-9]+ \(\d{3}\)/;

/** What a CLI run says: its exit code and stderr. */
export function cliClaim(run: ChildRun): Claim {
  const message = run.stderr;
  if (run.code === 0) return { outcome: 'ok', typed: true, message };
  if (run.code === null || run.code === 13 || message.trim() === '') return { outcome: 'silent', typed: false, message };
  return { outcome: 'failed', typed: TYPED_CLI_ERROR.test(message), message };
}

/** Secrets that must never be printed, and what a signature looks like. */
export function findSecrets(text: string, secrets: readonly string[]): string[] {
  const found = secrets.filter((s) => s !== '' && text.includes(s));
  if (/Signature=[0-9a-f]{64}/.test(text)) found.push('a request signature');
  return found;
}

async function readTree(dir: string): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const walk = async (at: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.set(relative(dir, path).split('\\').join('/'), new Uint8Array(await readFile(path)));
    }
  };
  await walk(dir);
  return out;
}

function objectDigest(mock: S3Mock, key: string): string | undefined {
  try {
    return sha256(mock.engine.getObject({ Bucket: BUCKET, Key: key }).Body);
  } catch {
    return undefined;
  }
}

function prefixDigests(mock: S3Mock, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of mock.engine.listObjectsV2({ Bucket: BUCKET, Prefix: prefix, MaxKeys: 1000 }).Contents) {
    out.set(o.Key.slice(prefix.length), objectDigest(mock, o.Key) ?? '');
  }
  return out;
}

/**
 * Whether the remote listing that decides a sync's deletions was delivered whole at least once: a
 * 200 not cut short (a skewed clock or a slow answer still delivers the whole body).
 */
function listingDelivered(mock: S3Mock): boolean {
  return mock.requests.some((r) => r.operation === 'ListObjectsV2' && r.status === 200 && !(typeof r.fault === 'object' && 'truncateBodyAt' in r.fault));
}

/** Checks a mirror (sync) against its source and its state before the run. */
function checkMirror(
  claim: Claim,
  after: Map<string, string>,
  source: Map<string, string>,
  before: Map<string, string>,
  deletesDecided: boolean,
  note: (v: Violation, why: string) => void,
): void {
  if (claim.outcome === 'ok') {
    for (const [name, digest] of source) if (after.get(name) !== digest) note('corrupt', `sync reported success but ${name} is ${after.has(name) ? 'wrong' : 'missing'}`);
    for (const name of after.keys()) if (!source.has(name)) note('corrupt', `sync reported success but left extraneous ${name}`);
  }
  for (const [name, digest] of after) {
    if (digest !== source.get(name) && digest !== before.get(name)) note('corrupt', `${name} holds bytes that are neither the source's nor what was there before`);
  }
  for (const name of before.keys()) {
    if (after.has(name)) continue;
    if (source.has(name)) note('bad-delete', `sync deleted ${name}, which the source has`);
    else if (!deletesDecided) note('bad-delete', `sync deleted ${name} without a complete listing`);
  }
}

/** Everything {@link checkInvariants} looks at. */
export interface Evidence {
  expectation: Expectation;
  claim: Claim;
  /** Every run of the seed (a killed first run and its re-run). */
  runs: readonly ChildRun[];
  mock: S3Mock;
  /** Directory of the seed's local files. */
  dir: string;
  /** Secret keys and session tokens the children had (none may appear in an output). */
  secrets: readonly string[];
}

/** Checks every invariant; the runs are over. */
export async function checkInvariants(evidence: Evidence): Promise<Verdict> {
  const { expectation, claim, runs, mock } = evidence;
  const violations = new Set<Violation>();
  const notes: string[] = [];
  const note = (v: Violation, why: string): void => {
    violations.add(v);
    notes.push(`${v}: ${why}`);
  };
  if (runs.some((r) => r.hung)) note('hung', 'a run did not end within its time limit');
  if (claim.outcome === 'silent') note('silent', 'the process ended without saying why, or exited 0 on failure');
  if (claim.outcome === 'failed' && !claim.typed) note('untyped', 'the failure carries no stable error code');
  const output = runs.map((r) => r.stdout + r.stderr).join('\n');
  for (const secret of findSecrets(output, evidence.secrets)) note('secret', `an output shows ${secret === 'a request signature' ? secret : 'a secret key or session token'}`);

  if (expectation.kind === 'object') {
    const actual = objectDigest(mock, expectation.key);
    if (claim.outcome === 'ok' && actual !== expectation.sha256) note('corrupt', `success reported but s3://${BUCKET}/${expectation.key} is ${actual === undefined ? 'missing' : 'wrong'}`);
    if (claim.outcome !== 'ok' && actual !== undefined && actual !== expectation.sha256) note('corrupt', `s3://${BUCKET}/${expectation.key} holds wrong bytes`);
  } else if (expectation.kind === 'file') {
    const files = await readTree(evidence.dir);
    const name = relative(evidence.dir, expectation.path);
    const actual = files.get(name);
    const digest = actual === undefined ? undefined : sha256(actual);
    if (claim.outcome === 'ok' && digest !== expectation.sha256) note('corrupt', `success reported but ${name} is ${digest === undefined ? 'missing' : 'wrong'}`);
    if (claim.outcome !== 'ok' && digest !== undefined && digest !== expectation.sha256) note('corrupt', `a partial or corrupt file sits at the destination name ${name}`);
    for (const other of files.keys()) {
      if (other === name || claim.message.includes(other.split('/').pop() ?? other)) continue;
      note('orphaned', `${other} was left behind and the error does not name it`);
    }
  } else if (expectation.kind === 'sync-up') {
    checkMirror(claim, prefixDigests(mock, expectation.prefix), expectation.source, expectation.before, listingDelivered(mock), note);
  } else {
    const local = await readTree(expectation.dir);
    const after = new Map([...local].map(([name, body]) => [name, sha256(body)]));
    const parts = [...after.keys()].filter((name) => name.endsWith('.s3kit-part') || name.endsWith('.s3kit-checkpoint'));
    for (const part of parts) {
      after.delete(part);
      if (!claim.message.includes(part.split('/').pop() ?? part)) note('orphaned', `${part} was left behind and the error does not name it`);
    }
    checkMirror(claim, after, expectation.source, expectation.before, listingDelivered(mock), note);
  }

  for (const upload of mock.uploadsInFlight()) {
    if (claim.outcome === 'failed' && claim.message.includes(upload.UploadId)) continue;
    note('orphaned', `multipart upload ${upload.UploadId} of ${upload.Key} is left in flight and no error names it`);
  }
  return { outcome: claim.outcome === 'ok' && violations.size === 0 ? 'succeeded' : 'failed', violations: [...violations], notes };
}
