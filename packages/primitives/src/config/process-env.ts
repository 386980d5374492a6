/**
 * `process.env` where the runtime has one (Node, Bun, Deno, workerd with nodejs_compat), else an
 * empty environment (browsers, workerd): configuration then comes from options alone.
 */
import type { Env } from './ini.js';

const EMPTY: Env = Object.freeze({});

/** The process environment, or an empty one in runtimes without `process`. */
export function processEnv(): Env {
  const proc = (globalThis as { process?: { env?: Env } }).process;
  return proc?.env ?? EMPTY;
}
