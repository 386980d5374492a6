/** Child processes, for `credential_process` (Node, Bun, Deno). */
export { execFile } from 'node:child_process';
