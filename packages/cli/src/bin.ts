#!/usr/bin/env node
import { guardExit } from './exit-guard.js';
import { main } from './main.js';

const finished = guardExit(process, process.stderr);
process.exitCode = await main();
finished();
