/** Node streams and files for `S3Body.toNodeReadable()` and `S3Body.pipeTo(path)` (Node, Bun, Deno). */
export { createWriteStream } from 'node:fs';
export { Readable } from 'node:stream';
export { pipeline } from 'node:stream/promises';
