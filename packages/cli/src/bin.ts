#!/usr/bin/env node
import { guardExit } from './exit-guard.js';
import { main } from './main.js';
import { watchStdout } from './stdout-pipe.js';

const finished = guardExit(process, process.stderr);
watchStdout(process.stdout, process.stderr, (code) => {
  finished();
  process.exit(code);
});
process.exitCode = await main();
finished();
