#!/usr/bin/env node
// `node ../../scripts/clean-dist.mjs [dir]` (first step of a package's build, in the package
// directory; `dir` defaults to dist): removes it, so that dist holds only what this build emits.
// tsc never deletes the output of a source that was moved or removed, and turbo restores cached
// outputs on top of what is there: a built worktree packed 24 stale modules (0.21 MB) of
// primitives' flat layout, hours after its sources moved into folders.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

rmSync(resolve(process.cwd(), process.argv[2] ?? 'dist'), { recursive: true, force: true });
