/** Files and paths for file uploads, downloads, directories and sync (Node, Bun, Deno). */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as nodePath from 'node:path';

export { fs, fsp, nodePath };
