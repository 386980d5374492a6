/** MD5, SHA-1 and SHA-256 for checksums and ETags, with `node:crypto` (Node, Bun, Deno). */
export { createHash } from 'node:crypto';
export type { Hash } from 'node:crypto';
