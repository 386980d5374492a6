/**
 * The engine's mutable state: containers (maps) of frozen records. Changing the state means
 * replacing a record in its container, so a snapshot copies the containers and shares the records.
 */
import type { Clock, Random } from '@s3kit/primitives';
import type { Account } from './account.js';
import type { BucketRecord, CompletedUpload, PartRecord, UploadRecord } from './records.js';
import { compareUtf8 } from './utf8-order.js';
import type { VersionStack } from './version-stack.js';

/** An in-flight upload and its parts. */
export interface UploadState {
  readonly record: UploadRecord;
  readonly parts: Map<number, PartRecord>;
}

/** A bucket: its record, the version stack of each key, and its in-flight uploads. */
export interface BucketState {
  /** Replaced whole when the bucket's configuration changes. */
  record: BucketRecord;
  /** Every key with at least one version (object or delete marker). */
  readonly keys: Map<string, VersionStack>;
  readonly uploads: Map<string, UploadState>;
  /** Keys in UTF-8 order; rebuilt lazily after a key is added or removed. */
  sortedKeys: string[] | undefined;
}

/** The whole state of an engine. */
export interface EngineState {
  readonly buckets: Map<string, BucketState>;
  readonly completed: Map<string, CompletedUpload>;
  /** Counter for creation order (uploads) and unique ids. */
  seq: number;
  /** Bytes of every stored body (object versions and uploaded parts). */
  storedBytes: number;
}

/** Resolved engine configuration and ports, shared by every operation. */
export interface EngineContext {
  state: EngineState;
  clock: Clock;
  random: Random;
  region: string;
  /** The account of calls made without a requester. */
  owner: Account;
  /** Other known accounts. */
  accounts: readonly Account[];
  minPartSize: number;
  maxObjectSize: number;
  maxStoredBytes: number;
  /** Create buckets as S3 did before April 2023: `ObjectWriter` ownership (ACLs on), no public access block. */
  legacyBucketDefaults: boolean;
  incompleteUploadsBlockBucketDelete: boolean;
}

/** A fresh empty state. */
export function emptyState(): EngineState {
  return { buckets: new Map(), completed: new Map(), seq: 0, storedBytes: 0 };
}

function copyContainers<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  if (value instanceof Map) return new Map([...value].map(([k, v]: [unknown, unknown]) => [k, copyContainers(v)])) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => copyContainers(v)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyContainers(v)])) as T;
}

/**
 * A copy of `state` that later changes to either side do not reach: every container is copied,
 * every record (frozen) is shared. Nothing here names a record's fields, so a field added to a
 * record can never end up shared between live state and a snapshot by mistake.
 */
export function copyState(state: EngineState): EngineState {
  return copyContainers(state);
}

/** Keys of `bucket` in UTF-8 order (cached), including keys whose newest version is a delete marker. */
export function sortedKeys(bucket: BucketState): string[] {
  bucket.sortedKeys ??= [...bucket.keys.keys()].sort(compareUtf8);
  return bucket.sortedKeys;
}

/** A unique id from `ctx.random`: `length` characters of `alphabet` (a degenerate source still terminates). */
export function randomId(ctx: EngineContext, length: number, taken: (id: string) => boolean): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let id = '';
  for (let i = 0; i < length; i++) id += alphabet[Math.floor(ctx.random() * alphabet.length)] ?? 'A';
  return taken(id) ? `${id}.${ctx.state.seq++}` : id;
}
