/** What the User-Agent says about this package and runtime, read from Node (Bun and Deno answer as Node does). */
import { readFileSync } from 'node:fs';

let version: string | undefined;

/** This package's version, read once from its own `package.json` (two directories above this file, in `dist/` as in `src/`). */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}

/** `node/<version>; <platform>; <arch>`. */
export function runtimeInfo(): string {
  return `node/${process.versions.node}; ${process.platform}; ${process.arch}`;
}
