/**
 * Deterministic fault injection: rules matched against each routed request, in the order they
 * were added, each firing a set number of times.
 */
import type { Route, S3Operation } from '../protocol/route.js';

/** What an injected fault does. */
export type FaultAction =
  /** Answer with this S3 error instead of running the operation. */
  | { status: number; code: string; message?: string }
  /** Drop the connection before any response (the in-process transport rejects with a `NetworkError`). */
  | 'reset'
  /** Run the operation, then cut the response body after `truncateBodyAt` bytes (Content-Length still says the full size). */
  | { truncateBodyAt: number }
  /** Wait `delayMs` on the mock's clock, then serve normally. */
  | { delayMs: number }
  /** Answer 503 `SlowDown` instead of running the operation. */
  | { slowDown: true }
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
  /** HTTP method, upper-case. */
  method?: string;
}

/** A fault rule for {@link FaultRegistry.add}. */
export interface FaultRule {
  /** Requests to affect. @default every request */
  match?: FaultMatch;
  /**
   * How many matching requests it affects before it is spent.
   * @default 1
   */
  times?: number;
  /** What to do. */
  action: FaultAction;
}

/** The fault rules of a mock. */
export interface FaultRegistry {
  /** Adds a rule; returns a function that removes it. */
  add(rule: FaultRule): () => void;
  /** Removes every rule. */
  clear(): void;
  /** Rules not yet spent. */
  readonly pending: readonly Readonly<FaultRule>[];
  /** Consumes one use of the first rule matching a request, returning its action. */
  take(route: Route, method: string): FaultAction | undefined;
}

function matches(m: FaultMatch | undefined, route: Route, method: string): boolean {
  if (!m) return true;
  if (m.operation !== undefined && m.operation !== route.operation) return false;
  if (m.bucket !== undefined && m.bucket !== route.bucket) return false;
  if (m.method !== undefined && m.method.toUpperCase() !== method.toUpperCase()) return false;
  if (m.key !== undefined) {
    if (route.key === undefined) return false;
    if (typeof m.key === 'string' ? m.key !== route.key : !m.key.test(route.key)) return false;
  }
  return true;
}

/** Creates an empty fault registry. */
export function createFaultRegistry(): FaultRegistry {
  const rules: { rule: FaultRule; left: number }[] = [];
  return {
    add(rule) {
      const entry = { rule: { ...rule }, left: rule.times ?? 1 };
      rules.push(entry);
      return () => {
        const i = rules.indexOf(entry);
        if (i >= 0) rules.splice(i, 1);
      };
    },
    clear() {
      rules.length = 0;
    },
    get pending() {
      return rules.map((r) => ({ ...r.rule, times: r.left }));
    },
    take(route, method) {
      const i = rules.findIndex((r) => matches(r.rule.match, route, method));
      if (i < 0) return undefined;
      const entry = rules[i]!;
      entry.left--;
      if (entry.left <= 0) rules.splice(i, 1);
      return entry.rule.action;
    },
  };
}
