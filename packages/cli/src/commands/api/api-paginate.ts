import { paginate, readToken } from '@s3kit/s3-core';
import type { OperationSpec, PaginatorSpec, S3BaseClient } from '@s3kit/s3-core';
import { UsageError } from '../../usage-error.js';
import type { TimestampFormat } from './api-output.js';
import { shapeOutput } from './api-output.js';
import { NON_AGGREGATE_KEYS } from './merge-keys.js';

/** `--max-items`, `--starting-token`, `--page-size`. */
export interface PaginationSettings {
  maxItems?: number;
  startingToken?: string;
  pageSize?: number;
}

type Tokens = Record<string, unknown>;

const TRUNCATE = 'boto_truncate_amount';

/** A `NextToken` as `aws` writes it: base64 of Python's `json.dumps` of the resume tokens. */
export function encodeNextToken(tokens: Tokens): string {
  const json = `{${Object.entries(tokens)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v ?? null)}`)
    .join(', ')}}`;
  return Buffer.from(json, 'utf8').toString('base64');
}

/**
 * Reads a `--starting-token` (a `NextToken` of `aws` or `s3kit api`).
 * @throws {UsageError} `ERR_USAGE` when it is not one.
 */
export function decodeNextToken(text: string, paginator: PaginatorSpec): { tokens: Tokens; truncate: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`--starting-token: not a token printed as NextToken: ${text}`, 'pass the NextToken of the previous output as it was printed');
  }
  const record = parsed as Record<string, unknown>;
  const tokens: Tokens = {};
  for (const name of paginator.inputTokens) tokens[name] = record[name] ?? null;
  const truncate = record[TRUNCATE];
  return { tokens, truncate: typeof truncate === 'number' && truncate > 0 ? truncate : 0 };
}

function nextTokens(output: unknown, paginator: PaginatorSpec): Tokens | undefined {
  if (paginator.truncated !== undefined && (output as Record<string, unknown>)[paginator.truncated] !== true) return undefined;
  const tokens: Tokens = {};
  paginator.inputTokens.forEach((name, i) => {
    tokens[name] = readToken(output, paginator.outputTokens[i]!) ?? null;
  });
  return Object.values(tokens).every((v) => v === null) ? undefined : tokens;
}

function emptyLike(sample: unknown): unknown {
  if (Array.isArray(sample)) return [];
  if (typeof sample === 'string') return '';
  return typeof sample === 'number' ? 0 : undefined;
}

/** The pages of a paginated call, merged and one by one. */
export interface PaginatedResult {
  /** The pages merged as `aws s3api` prints them in json, table and yaml output. */
  merged: Record<string, unknown>;
  /**
   * Each page as aws's text output prints it: the first with the non-aggregate members, every one
   * with each item list (`null` when the page lacks it).
   */
  pages: Record<string, unknown>[];
  /** The `NextToken` when `--max-items` stopped early. */
  nextToken: string | undefined;
}

/**
 * Runs a paginated operation page after page and merges the pages as `aws s3api` does (botocore's
 * `build_full_result`): the item lists concatenated, the first page's non-aggregate members, and a
 * `NextToken` when `--max-items` stopped early (resumable with `--starting-token`, also across
 * the two tools).
 * @throws everything `client.send` throws; {@link UsageError} for a bad `--starting-token`.
 */
export async function paginatedOutput(
  client: S3BaseClient,
  spec: OperationSpec,
  input: Record<string, unknown>,
  settings: PaginationSettings,
  format: TimestampFormat,
  signal?: AbortSignal,
): Promise<PaginatedResult> {
  const paginator = spec.paginator!;
  const primary = paginator.items[0]!;
  let current: Tokens = Object.fromEntries(paginator.inputTokens.map((name) => [name, null]));
  let startTruncate = 0;
  if (settings.startingToken !== undefined) {
    const decoded = decodeNextToken(settings.startingToken, paginator);
    current = decoded.tokens;
    startTruncate = decoded.truncate;
  }
  const first: Record<string, unknown> = { ...input };
  for (const [name, value] of Object.entries(current)) if (value !== null) first[name] = value;

  const result: Record<string, unknown> = {};
  const pages: Record<string, unknown>[] = [];
  let nonAggregate: Record<string, unknown> | undefined;
  let resume: Tokens | undefined;
  let total = 0;
  let pageIndex = 0;
  const options = { ...(settings.pageSize === undefined ? {} : { pageSize: settings.pageSize }), ...(signal ? { signal } : {}) };
  for await (const raw of paginate(client, spec, first, options)) {
    const page = shapeOutput(spec, raw, format);
    if (pageIndex === 0) {
      if (startTruncate > 0 || settings.startingToken !== undefined) {
        const all = page[primary];
        if (Array.isArray(all)) page[primary] = all.slice(startTruncate);
        for (const key of paginator.items.slice(1)) {
          page[key] = emptyLike(page[key]);
        }
      }
      nonAggregate = Object.fromEntries((NON_AGGREGATE_KEYS[spec.name] ?? []).map((key) => [key, page[key] ?? null]));
    } else {
      startTruncate = 0;
    }
    pageIndex++;
    const items = Array.isArray(page[primary]) ? (page[primary] as unknown[]) : [];
    const over = settings.maxItems === undefined ? 0 : total + items.length - settings.maxItems;
    let stop = false;
    if (over > 0) {
      const keep = items.length - over;
      page[primary] = items.slice(0, keep);
      resume = { ...current, [TRUNCATE]: keep + startTruncate };
      stop = true;
    } else {
      total += items.length;
      const next = nextTokens(raw, paginator);
      if (next === undefined) stop = true;
      else if (settings.maxItems !== undefined && total === settings.maxItems) {
        resume = next;
        stop = true;
      } else current = next;
    }
    pages.push({ ...(pages.length === 0 ? nonAggregate : {}), ...Object.fromEntries(paginator.items.map((key) => [key, page[key] ?? null])) });
    for (const key of paginator.items) {
      const value = page[key];
      if (value === undefined || value === null) continue;
      const existing = result[key];
      if (existing === undefined) result[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
      else if (Array.isArray(value) && Array.isArray(existing)) existing.push(...(value as unknown[]));
    }
    if (stop) break;
  }
  for (const [key, value] of Object.entries(nonAggregate ?? {})) if (!(key in result)) result[key] = value;
  const nextToken = resume === undefined ? undefined : encodeNextToken(resume);
  if (nextToken !== undefined) result.NextToken = nextToken;
  return { merged: result, pages, nextToken };
}
