import { S3kitError, throwIfAborted } from '@s3kit/primitives';
import type { S3BaseClient } from '../client/base-client.js';
import type { Operation, ResponseMetadata } from '../interpreter/spec.js';

/** Code of the error thrown when a server returns the same page token twice. */
export const ERR_PAGINATION_LOOP = 'ERR_PAGINATION_LOOP';

/** Options of the paginators. */
export interface PaginateOptions {
  /** Page size (`MaxKeys`, `MaxParts`...). @default the server's (1000 for objects) */
  pageSize?: number;
  /** Stops after this many pages. @default unlimited */
  maxPages?: number;
  /** Aborts the current request and the iteration. */
  signal?: AbortSignal;
  /** Deadline of each page's request in ms. */
  timeoutMs?: number;
}

/** Reads a path of an output: `Member`, `List[-1].Member` (negative indexes count from the end). */
function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const step of path.split('.')) {
    const m = /^(\w+)(?:\[(-?\d+)\])?$/.exec(step);
    if (m === null || typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[m[1]!];
    if (m[2] !== undefined) {
      if (!Array.isArray(current)) return undefined;
      const i = Number(m[2]);
      current = current.at(i);
    }
  }
  return current;
}

/**
 * The value of a paginator's output token expression (the model's `paginators-1.json` form):
 * alternatives separated by `||`, the first present and non-empty one wins (ListObjects v1 pages by
 * `NextMarker`, or by the last key when the server leaves `NextMarker` out).
 */
export function readToken(output: unknown, expression: string): unknown {
  for (const alternative of expression.split('||')) {
    const value = readPath(output, alternative.trim());
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/**
 * Iterates the pages of any operation whose spec has a `paginator`: copies the next-page tokens
 * from each output into the next input, until the output says it is not truncated or has no token.
 * @throws {S3kitError} `ERR_PAGINATION_LOOP` when the server repeats a token (a broken server would loop forever).
 * @throws everything `client.send` throws.
 * @example
 * ```ts
 * for await (const page of paginate(client, ListObjectsV2, { Bucket: 'photos' })) console.log(page.KeyCount);
 * ```
 */
export async function* paginate<I, O>(
  client: S3BaseClient,
  op: Operation<I, O>,
  input: I,
  options: PaginateOptions = {},
): AsyncGenerator<O & { $metadata: ResponseMetadata }, void, undefined> {
  const paginator = op.paginator;
  if (!paginator) throw new S3kitError(`${op.name} is not paginated`, { code: 'ERR_VALIDATION' });
  const next: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  if (options.pageSize !== undefined && paginator.pageSize !== undefined) next[paginator.pageSize] = options.pageSize;
  const sendOptions = { ...(options.signal ? { signal: options.signal } : {}), ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) };
  let previous: string | undefined;
  for (let page = 0; options.maxPages === undefined || page < options.maxPages; page++) {
    throwIfAborted(options.signal);
    const output = await client.send(op, next as I, sendOptions);
    yield output;
    const tokens = paginator.outputTokens.map((expression) => readToken(output, expression));
    if (paginator.truncated !== undefined && (output as Record<string, unknown>)[paginator.truncated] !== true) return;
    if (tokens[0] === undefined) return;
    const joined = JSON.stringify(tokens);
    if (joined === previous) {
      throw new S3kitError(`${op.name} returned the same page token twice; stopping instead of looping`, { code: ERR_PAGINATION_LOOP });
    }
    previous = joined;
    paginator.inputTokens.forEach((name, i) => {
      const token = tokens[i];
      if (token === undefined) Reflect.deleteProperty(next, name);
      else next[name] = token;
    });
  }
}
