/**
 * Deterministic fault injection: rules matched against each routed request, in the order they
 * were added, each firing a set number of times (optionally from the nth match on, or with a
 * seeded probability). Every fired fault is journaled in {@link FaultRegistry.fired}.
 */
import { createSeededRandom } from '@s3kit/primitives';
import type { Random } from '@s3kit/primitives';
import type { Route, S3Operation } from '../protocol/route.js';

/** What an injected fault does. */
export type FaultAction =
  /** Answer with this S3 error instead of running the operation. */
  | { status: number; code: string; message?: string }
  /** Drop the connection before any response header (the in-process transport rejects with a `NetworkError`). */
  | 'reset'
  /**
   * Run the operation, then cut the connection after `truncateBodyAt` response body bytes
   * (Content-Length still says the full size): a reset after N body bytes.
   */
  | { truncateBodyAt: number }
  /** Wait `delayMs` on the mock's clock, then serve normally. */
  | { delayMs: number }
  /** Answer 503 `SlowDown` instead of running the operation. */
  | { slowDown: true }
  /** Answer 400 `RequestTimeout` (S3's answer to a body that stalls) instead of running the operation. */
  | 'RequestTimeout'
  /** Serve normally but deliver the response body at this rate, paced on the mock's clock. */
  | { bytesPerSecond: number }
  /**
   * Serve as if the server's clock were `clockSkewMs` ahead (negative: behind): signatures outside
   * the allowed skew get 403 `RequestTimeTooSkewed`, and the `Date` header shows the skewed time.
   */
  | { clockSkewMs: number }
  /** Answer 200 with an `<Error>` body (`InternalError`) instead of running the operation, as S3 can for CopyObject and CompleteMultipartUpload. */
  | '200-error';

/** Which requests a fault applies to; every given member must match. */
export interface FaultMatch {
  /** Operation name (`PutObject`). */
  operation?: S3Operation;
  /** Bucket name. */
  bucket?: string;
  /** Object key, exact or a pattern. */
  key?: string | RegExp;
  /** Object keys starting with this. */
  keyPrefix?: string;
  /** HTTP method, upper-case. */
  method?: string;
}

/** A fault rule for {@link FaultRegistry.add}. */
export interface FaultRule {
  /** Name shown in the journal. @default `rule-<n>` (order of addition, from 1) */
  name?: string;
  /** Requests to affect. @default every request */
  match?: FaultMatch;
  /**
   * The first matching request it may fire on (1-based): `nth: 3` lets two matching requests
   * through first.
   * @default 1
   */
  nth?: number;
  /**
   * How many times it fires before it is spent.
   * @default 1
   */
  times?: number;
  /**
   * Chance (0 to 1) that an eligible matching request is affected, drawn from a generator seeded
   * with `seed`, so a run is reproducible.
   * @default 1
   */
  probability?: number;
  /** Seed of the `probability` draws. @default 1 */
  seed?: number;
  /** What to do. */
  action: FaultAction;
}

/** One journal entry of {@link FaultRegistry.fired}. */
export interface FiredFault {
  /** The rule's name. */
  rule: string;
  action: FaultAction;
  operation: S3Operation;
  bucket: string | undefined;
  key: string | undefined;
  method: string;
  /** Which matching request of the rule this was (1-based). */
  match: number;
}

/** The fault rules of a mock. */
export interface FaultRegistry {
  /**
   * Adds a rule; returns a function that removes it.
   * @throws RangeError for `nth` or `times` below 1, or `probability` outside 0..1
   */
  add(rule: FaultRule): () => void;
  /** Removes every rule and empties the journal. */
  clear(): void;
  /** Rules not yet spent (`times` is what is left). */
  readonly pending: readonly Readonly<FaultRule>[];
  /** Every fault fired so far, oldest first. */
  readonly fired: readonly FiredFault[];
  /** Consumes one use of the first rule that fires for a request, returning its action (and journaling it). */
  take(route: Route, method: string): FaultAction | undefined;
}

function matches(m: FaultMatch | undefined, route: Route, method: string): boolean {
  if (!m) return true;
  if (m.operation !== undefined && m.operation !== route.operation) return false;
  if (m.bucket !== undefined && m.bucket !== route.bucket) return false;
  if (m.method !== undefined && m.method.toUpperCase() !== method.toUpperCase()) return false;
  if (m.key !== undefined || m.keyPrefix !== undefined) {
    if (route.key === undefined) return false;
    if (m.keyPrefix !== undefined && !route.key.startsWith(m.keyPrefix)) return false;
    if (m.key !== undefined && (typeof m.key === 'string' ? m.key !== route.key : !m.key.test(route.key))) return false;
  }
  return true;
}

interface Entry {
  rule: FaultRule;
  name: string;
  left: number;
  seen: number;
  random: Random;
}

function check(rule: FaultRule): void {
  for (const field of ['nth', 'times'] as const) {
    const v = rule[field];
    if (v !== undefined && !(Number.isInteger(v) && v >= 1)) throw new RangeError(`fault rule ${field} must be an integer >= 1, got ${v}`);
  }
  const p = rule.probability;
  if (p !== undefined && !(p >= 0 && p <= 1)) throw new RangeError(`fault rule probability must be within 0..1, got ${p}`);
}

/** Creates an empty fault registry. */
export function createFaultRegistry(): FaultRegistry {
  const rules: Entry[] = [];
  const fired: FiredFault[] = [];
  let added = 0;
  return {
    add(rule) {
      check(rule);
      added++;
      const entry: Entry = { rule: { ...rule }, name: rule.name ?? `rule-${added}`, left: rule.times ?? 1, seen: 0, random: createSeededRandom(rule.seed ?? 1) };
      rules.push(entry);
      return () => {
        const i = rules.indexOf(entry);
        if (i >= 0) rules.splice(i, 1);
      };
    },
    clear() {
      rules.length = 0;
      fired.length = 0;
    },
    get pending() {
      return rules.map((r) => ({ ...r.rule, times: r.left }));
    },
    get fired() {
      return fired;
    },
    take(route, method) {
      for (let i = 0; i < rules.length; i++) {
        const entry = rules[i]!;
        if (!matches(entry.rule.match, route, method)) continue;
        entry.seen++;
        if (entry.seen < (entry.rule.nth ?? 1)) continue;
        const p = entry.rule.probability;
        if (p !== undefined && entry.random() >= p) continue;
        entry.left--;
        if (entry.left <= 0) rules.splice(i, 1);
        fired.push({ rule: entry.name, action: entry.rule.action, operation: route.operation, bucket: route.bucket, key: route.key, method: method.toUpperCase(), match: entry.seen });
        return entry.rule.action;
      }
      return undefined;
    },
  };
}
