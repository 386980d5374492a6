/** MD5 (ETag checks) and random ids (temp file names), with `node:crypto` (Node, Bun, Deno). */
export { createHash, randomUUID } from 'node:crypto';
export type { Hash } from 'node:crypto';
