import type { FlagValues } from '../../args.js';
import { UsageError } from '../../usage-error.js';
import type { ApiArgument } from './api-arguments.js';

/** Options every `s3kit api` operation takes that carry a value. */
export const API_VALUE_OPTIONS = [
  'endpoint-url',
  'region',
  'profile',
  'output',
  'query',
  'cli-input-json',
  'cli-timestamp-format',
  'max-items',
  'starting-token',
  'page-size',
] as const;

/** Name of one of {@link API_VALUE_OPTIONS}. */
export type ApiValueOption = (typeof API_VALUE_OPTIONS)[number];

/** Switches every `s3kit api` operation takes. */
export const API_SWITCHES = ['help', 'no-paginate', 'generate-cli-skeleton'] as const;

const CONNECTION = new Set(['endpoint-url', 'region', 'profile']);

/** An `s3kit api <operation>` command line, read against the operation's arguments. */
export interface ApiArgv {
  /** Member values: the words after each flag (one, or several for lists), or a boolean switch. */
  readonly members: Map<string, string[] | boolean>;
  /** Values of {@link API_VALUE_OPTIONS}. */
  readonly globals: Partial<Record<ApiValueOption, string>>;
  /** `--endpoint-url`, `--region`, `--profile`, for `connectionFlags`. */
  readonly connection: FlagValues;
  /** Words that belong to no flag (the outfile of `get-object`). */
  readonly positionals: string[];
  readonly help: boolean;
  readonly skeleton: boolean;
  readonly noPaginate: boolean;
}

function isBooleanArgument(arg: ApiArgument): boolean {
  return arg.shape === 'boolean';
}

function isListArgument(arg: ApiArgument): boolean {
  return typeof arg.shape === 'object' && arg.shape.type === 'list';
}

/**
 * Reads an operation's command line as `aws s3api` does: `--flag value` and `--flag=value`, lists
 * as the words up to the next `--flag`, booleans as `--flag`/`--no-flag`, `help` or `--help`.
 * @throws {UsageError} `ERR_USAGE` for an unknown option, a missing value or a repeated member.
 */
export function parseApiArgv(argv: readonly string[], args: readonly ApiArgument[]): ApiArgv {
  const byFlag = new Map(args.map((arg) => [arg.flag, arg]));
  const members = new Map<string, string[] | boolean>();
  const globals: Partial<Record<ApiValueOption, string>> = {};
  const connection: FlagValues = {};
  const positionals: string[] = [];
  let help = false;
  let skeleton = false;
  let noPaginate = false;
  const unknown: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === 'help' && i === 0) {
      help = true;
      continue;
    }
    if (!token.startsWith('--') || token === '--') {
      positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq < 0 ? token.slice(2) : token.slice(2, eq);
    const inline = eq < 0 ? undefined : token.slice(eq + 1);
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`argument --${name}: expected one argument`, `e.g. --${name} VALUE`);
      i++;
      return next;
    };
    if ((API_VALUE_OPTIONS as readonly string[]).includes(name)) {
      const value = takeValue();
      globals[name as ApiValueOption] = value;
      if (CONNECTION.has(name)) connection[name] = value;
      continue;
    }
    if (name === 'help') help = true;
    else if (name === 'no-paginate') noPaginate = true;
    else if (name === 'generate-cli-skeleton') {
      skeleton = true;
      const next = inline ?? argv[i + 1];
      if (next === 'input' || next === 'output') {
        if (inline === undefined) i++;
        if (next === 'output') throw new UsageError('--generate-cli-skeleton output is not supported; use input', 'run with --generate-cli-skeleton (input)');
      }
    } else {
      const negated = name.startsWith('no-') ? byFlag.get(name.slice(3)) : undefined;
      const arg = byFlag.get(name) ?? (negated !== undefined && isBooleanArgument(negated) ? negated : undefined);
      if (arg === undefined) {
        unknown.push(`--${name}`);
        continue;
      }
      if (members.has(arg.member)) throw new UsageError(`argument --${arg.flag}: given more than once`, 'give each parameter once (lists take several words after one flag)');
      if (isBooleanArgument(arg)) {
        members.set(arg.member, inline === undefined ? arg !== negated : inline === 'true');
      } else if (isListArgument(arg) && inline === undefined) {
        const words: string[] = [];
        while (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) words.push(argv[++i]!);
        if (words.length === 0) throw new UsageError(`argument --${arg.flag}: expected at least one argument`, `e.g. --${arg.flag} VALUE [VALUE ...]`);
        members.set(arg.member, words);
      } else {
        members.set(arg.member, [takeValue()]);
      }
    }
  }
  if (unknown.length > 0 && !help) throw new UsageError(`Unknown options: ${unknown.join(', ')}`, "run 's3kit api <operation> help' for its parameters");
  return { members, globals, connection, positionals, help, skeleton, noPaginate };
}
