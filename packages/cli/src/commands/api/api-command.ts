import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import { isAbsolute, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { search } from '@jmespath-community/jmespath';
import type { JSONValue } from '@jmespath-community/jmespath';
import { AbortError, isAbortError } from '@s3kit/primitives';
import { isS3ServiceError, operations } from '@s3kit/s3-core';
import type { OperationSpec, S3Body } from '@s3kit/s3-core';
import { connectionFlags, createCliClient } from '../../client.js';
import { EXIT_OK, EXIT_SERVICE, EXIT_USAGE } from '../../context.js';
import type { RunContext } from '../../context.js';
import { reportError } from '../../report-error.js';
import { UsageError } from '../../usage-error.js';
import type { ApiArgument } from './api-arguments.js';
import { apiArguments, hasStreamingOutput, outputBindings } from './api-arguments.js';
import { operationHelp, operationsHelp } from './api-help.js';
import type { TimestampFormat } from './api-output.js';
import { shapeOutput } from './api-output.js';
import { paginatedOutput } from './api-paginate.js';
import type { PaginationSettings } from './api-paginate.js';
import { API_VALUE_OPTIONS, parseApiArgv } from './api-argv.js';
import type { ApiArgv } from './api-argv.js';
import { inputSkeleton } from './api-skeleton.js';
import { argumentValue, normalizeValue } from './argument-value.js';
import type { BodyFile } from './argument-value.js';
import { kebabName } from './kebab-name.js';
import { formatOutput, formatText, outputFormat } from './output-format.js';

/** Every operation of s3-core's table by its `aws s3api` name (`get-bucket-cors`). */
export function operationsByCliName(table: Readonly<Record<string, OperationSpec>> = operations): Map<string, OperationSpec> {
  return new Map(Object.values(table).map((spec) => [kebabName(spec.name), spec]));
}

function positiveInteger(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--${flag} ${JSON.stringify(text)} is not a positive whole number`, `e.g. --${flag} 100`);
  return Number(text);
}

function timestampFormat(text: string | undefined): TimestampFormat {
  if (text === undefined || text === 'iso8601') return 'iso8601';
  if (text === 'wire' || text === 'none') return 'wire';
  throw new UsageError(`--cli-timestamp-format: invalid choice ${JSON.stringify(text)} (choose from iso8601, wire)`, 'iso8601 prints as aws v2 does; wire (or none) as the server sent it, as aws v1 does');
}

function isBodyFile(value: unknown): value is BodyFile {
  return typeof value === 'object' && value !== null && 'bodyFile' in value;
}

async function cliInputJson(text: string, args: readonly ApiArgument[], ctx: RunContext): Promise<Record<string, unknown>> {
  const carrier: ApiArgument = { flag: 'cli-input-json', member: 'cli-input-json', shape: 'string', required: false };
  const raw = (await argumentValue(carrier, [text], { cwd: ctx.cwd })) as string;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw new UsageError(`--cli-input-json: Invalid JSON: ${err instanceof Error ? err.message : String(err)}`, "start from 's3kit api <operation> --generate-cli-skeleton'");
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError('--cli-input-json must be a JSON object', "start from 's3kit api <operation> --generate-cli-skeleton'");
  const out: Record<string, unknown> = {};
  for (const [member, value] of Object.entries(parsed)) {
    const arg = args.find((a) => a.member === member);
    if (arg === undefined) throw new UsageError(`Unknown parameter in input: "${member}", must be one of: ${args.map((a) => a.member).join(', ')}`, 'member names are case-sensitive');
    out[member] = typeof arg.shape === 'object' && arg.shape.type === 'streaming' ? { bodyFile: resolve(ctx.cwd, String(value)) } : normalizeValue(arg.shape, value, member);
  }
  return out;
}

async function buildInput(spec: OperationSpec, parsed: ApiArgv, ctx: RunContext): Promise<Record<string, unknown>> {
  const args = apiArguments(spec);
  const input = parsed.globals['cli-input-json'] === undefined ? {} : await cliInputJson(parsed.globals['cli-input-json'], args, ctx);
  for (const arg of args) {
    const given = parsed.members.get(arg.member);
    if (given === undefined) continue;
    input[arg.member] = typeof given === 'boolean' ? given : await argumentValue(arg, given, { cwd: ctx.cwd });
  }
  const missing = args.filter((arg) => arg.required && input[arg.member] === undefined);
  if (missing.length > 0) {
    throw new UsageError(
      `Parameter validation failed:\n${missing.map((arg) => `Missing required parameter in input: "${arg.member}"`).join('\n')}`,
      `give ${missing.map((arg) => `--${arg.flag}`).join(' ')}; run 's3kit api ${kebabName(spec.name)} help'`,
    );
  }
  for (const [member, value] of Object.entries(input)) {
    if (!isBodyFile(value)) continue;
    const info = await stat(value.bodyFile).catch((err: unknown) => {
      throw new UsageError(`--${kebabName(member)}: cannot read ${value.bodyFile}: ${err instanceof Error ? err.message : String(err)}`, 'give the path of a readable file');
    });
    input[member] = createReadStream(value.bodyFile);
    if (input.ContentLength === undefined && 'ContentLength' in spec.input) input.ContentLength = info.size;
  }
  return input;
}

/**
 * Writes the streamed body (or select-object-content's records) to `outfile`; a body that fails or
 * is interrupted midway leaves no partial file behind, and the user is told.
 */
async function writeStreamingOutput(spec: OperationSpec, output: Record<string, unknown>, outfile: string, ctx: RunContext): Promise<void> {
  try {
    await writeStreamedMembers(spec, output, outfile, ctx.signal);
  } catch (err) {
    if (existsSync(outfile)) {
      await rm(outfile, { force: true });
      ctx.stderr.write(`s3kit: ${outfile} was not completed; the partial file was removed\n`);
    }
    throw err;
  }
}

async function writeStreamedMembers(spec: OperationSpec, output: Record<string, unknown>, outfile: string, signal: AbortSignal | undefined): Promise<void> {
  for (const [member, binding] of outputBindings(spec)) {
    if (binding.in !== 'payload') continue;
    const value = output[member];
    if (binding.kind === 'blob' && value !== undefined) await (value as S3Body).pipeTo(outfile, signal ? { signal } : {});
    if (binding.kind === 'event-stream' && value !== undefined) {
      // select-object-content: the Records events' bytes, in order, as aws writes them.
      const events = value as AsyncIterable<Record<string, { Payload?: Uint8Array } | undefined>>;
      const records = async function* (): AsyncGenerator<Uint8Array> {
        for await (const event of events) if (event.Records?.Payload !== undefined) yield event.Records.Payload;
      };
      await pipeline(Readable.from(records()), createWriteStream(outfile), signal ? { signal } : {});
    }
  }
}

/** The AWS CLI's line for a service error: `An error occurred (NoSuchBucket) when calling the GetBucketCors operation: ...`. */
export function serviceErrorLine(code: string, statusCode: number, message: string | undefined, operation: string, method: string): string {
  // A HEAD response has no body: aws names the status and its reason phrase instead of a code.
  if (method === 'HEAD') return `An error occurred (${statusCode}) when calling the ${operation} operation: ${STATUS_CODES[statusCode] ?? 'Unknown'}`;
  return `An error occurred (${code}) when calling the ${operation} operation: ${message ?? STATUS_CODES[statusCode] ?? ''}`;
}

async function runOperation(spec: OperationSpec, parsed: ApiArgv, ctx: RunContext): Promise<number> {
  // `s3kit` takes --output out of the command line as a global option (ctx.globals) before the command runs.
  const format = outputFormat(parsed.globals.output ?? ctx.globals?.output);
  const stamps = timestampFormat(parsed.globals['cli-timestamp-format']);
  const query = parsed.globals.query;
  const input = await buildInput(spec, parsed, ctx);
  const streaming = hasStreamingOutput(spec);
  const outfile = parsed.positionals[0];
  if (streaming && outfile === undefined) throw new UsageError(`${kebabName(spec.name)}: the following arguments are required: outfile`, `e.g. s3kit api ${kebabName(spec.name)} --bucket b --key k ./file`);
  if (parsed.positionals.length > (streaming ? 1 : 0)) throw new UsageError(`Unknown options: ${parsed.positionals.slice(streaming ? 1 : 0).join(', ')}`, `run 's3kit api ${kebabName(spec.name)} help'`);
  const pagination: PaginationSettings = {};
  const maxItems = positiveInteger('max-items', parsed.globals['max-items']);
  const pageSize = positiveInteger('page-size', parsed.globals['page-size']);
  if (maxItems !== undefined) pagination.maxItems = maxItems;
  if (pageSize !== undefined) pagination.pageSize = pageSize;
  if (parsed.globals['starting-token'] !== undefined) pagination.startingToken = parsed.globals['starting-token'];
  const paginator = spec.paginator;
  // As aws: a page token or page limit given by hand means "this one page".
  const manual = paginator !== undefined && [...paginator.inputTokens, ...(paginator.pageSize === undefined ? [] : [paginator.pageSize])].some((m) => input[m] !== undefined);
  const client = createCliClient(ctx, connectionFlags(parsed.connection));
  const signal = ctx.signal;
  try {
    let result: unknown;
    if (paginator !== undefined && !parsed.noPaginate && !manual) {
      const paginated = await paginatedOutput(client, spec, input, pagination, stamps, signal);
      if (format === 'text') {
        // aws's text output prints page by page, the query applied to each (and to the NextToken).
        const tail = paginated.nextToken === undefined ? [] : [{ NextToken: { NextToken: paginated.nextToken } }];
        for (const page of [...paginated.pages, ...tail]) ctx.stdout.write(formatText(query === undefined ? page : runQuery(query, page)));
        return EXIT_OK;
      }
      result = paginated.merged;
    } else {
      const output = (await client.send(spec, input, signal ? { signal } : {})) as Record<string, unknown>;
      if (streaming) await writeStreamingOutput(spec, output, isAbsolute(outfile!) ? outfile! : resolve(ctx.cwd, outfile!), ctx);
      result = shapeOutput(spec, output, stamps);
    }
    if (query !== undefined) result = runQuery(query, result);
    // aws prints nothing for an operation with no output members (put-bucket-cors).
    if (query === undefined && typeof result === 'object' && result !== null && !Array.isArray(result) && Object.keys(result).length === 0) return EXIT_OK;
    ctx.stdout.write(formatOutput(result, format, spec.name));
    return EXIT_OK;
  } catch (err) {
    // Ctrl-C midway through a body surfaces as the stream's own abort error: report it as the interruption it is (130).
    if (signal?.aborted === true && !isAbortError(err)) throw new AbortError('interrupted', { cause: err });
    if (!isS3ServiceError(err)) throw err;
    ctx.stderr.write(`\n${serviceErrorLine(err.code, err.statusCode, err.serviceMessage, spec.name, spec.method)}\n`);
    return EXIT_SERVICE;
  } finally {
    await client.close();
  }
}

/**
 * Applies a `--query` JMESPath expression.
 * @throws {UsageError} `ERR_USAGE` when the expression does not parse.
 */
export function runQuery(expression: string, value: unknown): unknown {
  try {
    return search(value as JSONValue, expression);
  } catch (err) {
    throw new UsageError(`Bad value for --query ${expression}: ${err instanceof Error ? err.message : String(err)}`, 'see https://jmespath.org for the syntax');
  }
}

/** The operation name and the other arguments: options may come before the name too (`s3kit api --endpoint-url URL list-buckets`), as aws takes them. */
export function splitOperation(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith('--')) return { name: token, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
    if (!token.includes('=') && (API_VALUE_OPTIONS as readonly string[]).includes(token.slice(2))) i++;
  }
  const first = argv[0];
  return first === '--help' || first === '-h' ? { name: first, rest: argv.slice(1) } : { name: undefined, rest: [...argv] };
}

/**
 * Runs `s3kit api` with `argv` (the arguments after `api`): `help` lists the operations, `<operation>
 * help` describes one, otherwise the operation runs and its output prints as `aws s3api` prints it.
 * Exit codes: 0, 252 bad arguments, 254 the service answered with an error, 255 anything else.
 * @example
 * ```ts
 * await run(['get-bucket-cors', '--bucket', 'photos'], ctx);
 * ```
 */
export async function runApi(argv: readonly string[], ctx: RunContext, table?: Readonly<Record<string, OperationSpec>>): Promise<number> {
  const byName = operationsByCliName(table);
  const { name, rest } = splitOperation(argv);
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? ctx.stderr : ctx.stdout).write(operationsHelp([...byName.values()]));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  try {
    const spec = byName.get(name);
    if (spec === undefined) {
      const close = [...byName.keys()].filter((candidate) => candidate.includes(name) || name.includes(candidate)).slice(0, 5);
      throw new UsageError(`s3kit api: unknown operation ${JSON.stringify(name)}`, close.length > 0 ? `did you mean ${close.join(', ')}?` : "run 's3kit api help' for the list");
    }
    const parsed = parseApiArgv(rest, apiArguments(spec));
    if (parsed.help) {
      ctx.stdout.write(operationHelp(spec));
      return EXIT_OK;
    }
    if (parsed.skeleton) {
      ctx.stdout.write(`${JSON.stringify(inputSkeleton(spec), null, 4)}\n`);
      return EXIT_OK;
    }
    return await runOperation(spec, parsed, ctx);
  } catch (err) {
    return reportError(ctx, err, false);
  }
}

/** Runs `s3kit api` (the command table's entry). */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runApi(argv, ctx);
}
