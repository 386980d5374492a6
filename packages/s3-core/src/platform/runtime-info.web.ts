/**
 * What the User-Agent says about this package and runtime where there is no file system or
 * `process` (browsers, which do not let a page set User-Agent anyway, and workerd).
 */

/** The package version is not readable at run time here. */
export function packageVersion(): string {
  return 'unknown';
}

/** `web` (a browser or workerd). */
export function runtimeInfo(): string {
  return 'web';
}
