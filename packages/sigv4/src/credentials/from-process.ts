import { execFile } from '#platform/exec-file';
import { CredentialsError, REDACTED, redactText, splitSectionHeader, throwIfAborted } from '@s3kit/primitives';
import type { Env } from '@s3kit/primitives';
import type { CredentialsProvider } from '../aws-credentials.js';
import { makeCredentials, parseExpiration } from './credentials.js';
import { parseJsonObject } from './http-util.js';

/** What a finished process produced. */
export interface ExecResult {
  /** Standard output, UTF-8. */
  stdout: string;
  /** Standard error, UTF-8. */
  stderr: string;
  /** Exit code (`null` when killed by a signal). */
  exitCode: number | null;
}

/** Options passed to an {@link ExecFile}. */
export interface ExecFileOptions {
  /** Kill the process after this many milliseconds and reject. */
  timeoutMs: number;
  /** Environment of the child. */
  env?: Env | undefined;
  /** Kills the process and rejects with an abort. */
  signal?: AbortSignal | undefined;
}

/**
 * The process port: runs `file` with `args` (no shell) and resolves when it exits, whatever the
 * exit code. Rejects when it cannot start, times out or is aborted.
 */
export type ExecFile = (file: string, args: readonly string[], options: ExecFileOptions) => Promise<ExecResult>;

/** The real {@link ExecFile}: `child_process.execFile` without a shell, output capped at 1 MiB. */
export const nodeExecFile: ExecFile = (file, args, options) =>
  new Promise((resolve, reject) => {
    const execOptions: Parameters<typeof execFile>[2] = {
      encoding: 'utf8',
      timeout: options.timeoutMs,
      maxBuffer: 1024 * 1024,
      windowsHide: true,
    };
    if (options.env) execOptions.env = options.env;
    if (options.signal) execOptions.signal = options.signal;
    execFile(file, [...args], execOptions, (error, stdout, stderr) => {
      const out = { stdout: String(stdout), stderr: String(stderr) };
      if (!error) {
        resolve({ ...out, exitCode: 0 });
        return;
      }
      const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: unknown };
      if (typeof e.code === 'number' && e.killed !== true) {
        resolve({ ...out, exitCode: e.code });
        return;
      }
      reject(e);
    });
  });

/** Options of {@link fromProcess}. */
export interface FromProcessOptions {
  /** The `credential_process` command line, split like a POSIX shell would (quotes, backslashes); no shell runs it. */
  command: string;
  /** Shown in messages (`profile dev`). @default 'credential_process' */
  source?: string | undefined;
  /**
   * Kill the process after this many milliseconds.
   * @default 60000
   */
  timeoutMs?: number | undefined;
  /**
   * Environment of the child process.
   * @default process.env
   */
  env?: Env | undefined;
  /**
   * Process port.
   * @default nodeExecFile
   */
  exec?: ExecFile | undefined;
}

/** stderr may be shown when short and free of anything that looks like a key or token. */
function safeStderr(stderr: string): string {
  const line = stderr.trim().split('\n')[0]?.trim() ?? '';
  if (!line) return '';
  const cleaned = redactText(line.slice(0, 200)).replace(/[A-Za-z0-9/+=_-]{16,}/g, REDACTED);
  return `: ${cleaned}`;
}

/**
 * Runs an external program that prints credentials as JSON (`Version: 1`, `AccessKeyId`,
 * `SecretAccessKey`, optional `SessionToken` and `Expiration`), as the AWS CLI's
 * `credential_process` setting does. The command is split as the CLI splits it and run with
 * `execFile` (no shell). Its output is never put in an error; its stderr only when short and free
 * of anything that looks like a key.
 * See https://docs.aws.amazon.com/sdkref/latest/guide/feature-process-credentials.html
 * @throws CredentialsError `ERR_CREDENTIALS` when the command cannot be split or started, times
 *   out, exits non-zero, or prints something else than Version 1 credentials.
 * @example
 * ```ts
 * const credentials = memoize(fromProcess({ command: '/usr/local/bin/get-creds --role "dev ops"' }));
 * ```
 */
export function fromProcess(options: FromProcessOptions): CredentialsProvider {
  const source = options.source ?? 'credential_process';
  const timeoutMs = options.timeoutMs ?? 60_000;
  return async (callOptions = {}) => {
    throwIfAborted(callOptions.signal);
    const words = splitSectionHeader(options.command.trim());
    if (!words || words.length === 0) throw new CredentialsError(`${source}: credential_process is empty or has an unclosed quote`);
    const [file, ...args] = words as [string, ...string[]];
    const exec = options.exec ?? nodeExecFile;
    let result: ExecResult;
    try {
      result = await exec(file, args, { timeoutMs, env: options.env, signal: callOptions.signal });
    } catch (err) {
      throwIfAborted(callOptions.signal);
      const e = err as { killed?: boolean; code?: unknown };
      const why = e.killed === true ? `timed out after ${timeoutMs} ms` : typeof e.code === 'string' ? `could not start (${e.code})` : 'failed';
      throw new CredentialsError(`${source}: credential_process ${JSON.stringify(file)} ${why}`);
    }
    if (result.exitCode !== 0) {
      throw new CredentialsError(`${source}: credential_process ${JSON.stringify(file)} exited with code ${String(result.exitCode)}${safeStderr(result.stderr)}`);
    }
    const json = parseJsonObject(result.stdout);
    if (!json) throw new CredentialsError(`${source}: credential_process output is not a JSON object`);
    if (json.Version !== 1) throw new CredentialsError(`${source}: credential_process output must have "Version": 1`);
    const expiration = parseExpiration(json.Expiration, `${source}: credential_process Expiration`);
    return makeCredentials(`${source}: credential_process`, json.AccessKeyId, json.SecretAccessKey, json.SessionToken, expiration);
  };
}
