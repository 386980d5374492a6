import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** A file found under a local directory. */
export interface LocalFile {
  /** Path relative to the root, with `/` separators (the S3 key suffix). */
  relative: string;
  /** Absolute path. */
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Lists the regular files under `root`, recursively, sorted by relative path. Symbolic links
 * are not followed (a link loop cannot hang it); the partial files of interrupted downloads are skipped.
 */
export async function listLocalFiles(root: string): Promise<LocalFile[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: LocalFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.endsWith('.s3kit-part')) continue;
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    files.push({ relative: relative(root, path).split(sep).join('/'), path, size: info.size, mtimeMs: info.mtimeMs });
  }
  return files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}
