/**
 * Where Node streams and files are missing (browsers, workerd), `S3Body.toNodeReadable()` and
 * `S3Body.pipeTo(path)` throw a typed error naming the web alternative (`toWebStream()`).
 */
import { ConfigError } from '@s3kit/primitives';

function unsupported(what: string): never {
  throw new ConfigError(`${what} needs Node streams and files; use toWebStream() or iterate the body here`, { source: 'runtime' });
}

/**
 * Throws: no files here.
 * @throws {ConfigError} `ERR_CONFIG` always.
 */
export function createWriteStream(_path: string): never {
  return unsupported('pipeTo(path)');
}

/** Stands in for `node:stream`'s `Readable`: `from` throws. */
export const Readable = {
  /**
   * Throws: no Node streams here.
   * @throws {ConfigError} `ERR_CONFIG` always.
   */
  from(_source: unknown, _options?: unknown): never {
    return unsupported('toNodeReadable()');
  },
};

/**
 * Throws: no Node streams here.
 * @throws {ConfigError} `ERR_CONFIG` always.
 */
export function pipeline(..._streams: unknown[]): Promise<never> {
  return Promise.reject(new ConfigError('pipeTo(path) needs Node streams and files; use toWebStream() or iterate the body here', { source: 'runtime' }));
}
