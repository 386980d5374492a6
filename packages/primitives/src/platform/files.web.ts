/**
 * No file system (browsers, workerd): every file reads as missing, so shared config files are skipped
 * as the AWS CLI skips absent ones, and there is no home directory.
 */

/** Rejects with an `ENOENT` error: there are no files here. */
export function readTextFile(path: string, _options: { encoding: 'utf8'; signal?: AbortSignal }): Promise<string> {
  return Promise.reject(Object.assign(new Error(`No file system in this runtime: ${path}`), { code: 'ENOENT' }));
}

/** The empty string: there is no home directory. */
export function homedir(): string {
  return '';
}

/** Joins path segments with `/`. */
export function joinPath(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/');
}
