import { readFileSync } from 'node:fs';

/**
 * The installed `@s3kit/cli` version, read from the package's own `package.json` (one directory
 * above `dist/` when installed, above `src/` in the repository), so `s3kit --version` always names
 * the version the registry served, with nothing to keep in sync at release time.
 * @throws {Error} when `package.json` cannot be read (a broken install).
 */
export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
