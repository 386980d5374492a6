/**
 * Test helper: runs the built `s3kit` bin in a real child process, with an environment that holds
 * no AWS settings from this machine.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The bin as published: the esbuild bundle of the built CLI (`pnpm build` first; `pnpm test` builds). */
export const BIN = join(import.meta.dirname, '../../dist/bundle/s3kit.js');

/** Environment with no AWS settings from this machine, plus `extra`. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true', ...extra };
  delete env.AWS_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_ENDPOINT_URL;
  return env;
}

/** What a bin run printed and how it exited. */
export interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `s3kit args...` to completion. */
export async function runBin(args: readonly string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<BinResult> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [BIN, ...args], { env, cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
