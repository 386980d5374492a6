/** Reading text files and finding the home directory, with Node's file system (Node, Bun, Deno). */
export { readFile as readTextFile } from 'node:fs/promises';
export { homedir } from 'node:os';
export { join as joinPath } from 'node:path';
