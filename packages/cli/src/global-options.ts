import { UsageError } from './usage-error.js';

/** An output format `--output` accepts (the AWS CLI's). */
export type OutputFormat = 'json' | 'text' | 'table' | 'yaml';
/** Every {@link OutputFormat}. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'text', 'table', 'yaml'];

/** When `--color` colours output: `auto` means on a terminal, unless `NO_COLOR` is set. */
export type ColorMode = 'on' | 'off' | 'auto';

/**
 * The options the AWS CLI takes before or after any command, parsed once by `s3kit` and handed
 * to every command as `ctx.globals`.
 */
export interface GlobalOptions {
  /** `--endpoint-url`: the S3 endpoint instead of AWS's. */
  endpointUrl?: string;
  /** `--profile`: the named profile of the shared config and credentials files. */
  profile?: string;
  /** `--region`. */
  region?: string;
  /** `--no-verify-ssl` turns it off: accept any TLS certificate. @default true */
  verifySsl: boolean;
  /** `--ca-bundle`: a PEM file of certificate authorities to trust instead of Node's. */
  caBundle?: string;
  /** `--debug`: log every request and response (never a secret) to stderr. @default false */
  debug: boolean;
  /** `--output`; `json` is the same as a command's `--json`. */
  output?: OutputFormat;
  /** `--no-sign-request` turns it off: send anonymous requests (public buckets). @default true */
  signRequest: boolean;
  /** `--cli-read-timeout` in milliseconds (given in seconds); `0` waits forever. @default 60000 */
  readTimeoutMs?: number;
  /** `--cli-connect-timeout` in milliseconds (given in seconds); `0` waits forever. @default 60000 */
  connectTimeoutMs?: number;
  /** `--color`. @default 'auto' */
  color: ColorMode;
}

/** How each global option is written and whether it takes a value. */
const GLOBAL_FLAGS: Readonly<Record<string, 'value' | 'switch'>> = {
  'endpoint-url': 'value',
  profile: 'value',
  region: 'value',
  'no-verify-ssl': 'switch',
  'ca-bundle': 'value',
  debug: 'switch',
  output: 'value',
  'no-sign-request': 'switch',
  'cli-read-timeout': 'value',
  'cli-connect-timeout': 'value',
  color: 'value',
};

/** The global options' names, for help and completion. */
export const GLOBAL_OPTION_NAMES: readonly string[] = Object.keys(GLOBAL_FLAGS);

/** The global options that take a value (`--region R`), for completion. */
export function valueOptions(): string[] {
  return Object.keys(GLOBAL_FLAGS).filter((name) => GLOBAL_FLAGS[name] === 'value');
}

/** Defaults: verify TLS, sign requests, colour on terminals. */
export function defaultGlobalOptions(): GlobalOptions {
  return { verifySsl: true, debug: false, signRequest: true, color: 'auto' };
}

/** What {@link splitGlobalOptions} returns: the global options and every other argument, in order. */
export interface SplitArguments {
  globals: GlobalOptions;
  rest: string[];
}

/**
 * Takes the global options out of `argv`, wherever they are (before or after the command, as
 * `--flag value` or `--flag=value`); everything after a bare `--` is left alone. Options already
 * in `base` are kept unless given again.
 * @throws {UsageError} `ERR_USAGE` for a missing or invalid value.
 * @example
 * ```ts
 * splitGlobalOptions(['ls', '--endpoint-url', 'http://127.0.0.1:9000', 's3://b/']);
 * // { globals: { endpointUrl: 'http://127.0.0.1:9000', ... }, rest: ['ls', 's3://b/'] }
 * ```
 */
export function splitGlobalOptions(argv: readonly string[], base: GlobalOptions = defaultGlobalOptions()): SplitArguments {
  const globals: GlobalOptions = { ...base };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : '';
    const kind = GLOBAL_FLAGS[name];
    if (kind === undefined) {
      rest.push(arg);
      continue;
    }
    if (kind === 'switch') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`, `write --${name} alone`);
      applySwitch(globals, name);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`, `e.g. ${example(name)}`);
      i++;
    }
    applyValue(globals, name, value);
  }
  return { globals, rest };
}

function applySwitch(globals: GlobalOptions, name: string): void {
  if (name === 'no-verify-ssl') globals.verifySsl = false;
  else if (name === 'debug') globals.debug = true;
  else globals.signRequest = false;
}

function applyValue(globals: GlobalOptions, name: string, value: string): void {
  switch (name) {
    case 'endpoint-url':
      if (!/^https?:\/\/[^/]/i.test(value)) throw new UsageError(`--endpoint-url ${JSON.stringify(value)} is not an http(s) URL`, `e.g. ${example(name)}`);
      globals.endpointUrl = value;
      return;
    case 'profile':
      globals.profile = value;
      return;
    case 'region':
      globals.region = value;
      return;
    case 'ca-bundle':
      globals.caBundle = value;
      return;
    case 'output':
      if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) throw new UsageError(`--output ${JSON.stringify(value)} is not one of ${OUTPUT_FORMATS.join(', ')}`, `e.g. ${example(name)}`);
      globals.output = value as OutputFormat;
      return;
    case 'color':
      if (value !== 'on' && value !== 'off' && value !== 'auto') throw new UsageError(`--color ${JSON.stringify(value)} is not one of on, off, auto`, `e.g. ${example(name)}`);
      globals.color = value;
      return;
    default:
      globals[name === 'cli-read-timeout' ? 'readTimeoutMs' : 'connectTimeoutMs'] = seconds(name, value);
  }
}

/** Seconds (a whole or decimal number, `0` for no limit) as milliseconds. */
function seconds(name: string, value: string): number {
  if (!/^\d+(?:\.\d+)?$/.test(value)) throw new UsageError(`--${name} ${JSON.stringify(value)} is not a number of seconds`, `e.g. ${example(name)} (0 waits forever)`);
  return Math.round(Number(value) * 1000);
}

function example(name: string): string {
  const samples: Readonly<Record<string, string>> = {
    'endpoint-url': '--endpoint-url http://127.0.0.1:9000',
    output: '--output json',
    color: '--color off',
    profile: '--profile dev',
    region: '--region eu-west-1',
    'ca-bundle': '--ca-bundle ./ca.pem',
  };
  return samples[name] ?? `--${name} 30`;
}

/**
 * Whether to colour output: `--color on|off`, or with `auto` when the stream is a terminal and
 * `NO_COLOR` is unset (https://no-color.org).
 */
export function useColor(globals: GlobalOptions | undefined, isTTY: boolean, env: Record<string, string | undefined>): boolean {
  const mode = globals?.color ?? 'auto';
  if (mode !== 'auto') return mode === 'on';
  return isTTY && (env.NO_COLOR ?? '') === '';
}
