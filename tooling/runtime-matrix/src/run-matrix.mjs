#!/usr/bin/env node
// `node tooling/runtime-matrix/src/run-matrix.mjs [runtime...]`: runs the smoke suite in each runtime
// (all five by default) over the built packages and prints every step; exits 1 if any step failed.
import { RUNTIMES } from './runtimes.mjs';
import { runSmoke, startSmokeEndpoint } from './smoke-matrix.mjs';

const chosen = process.argv.length > 2 ? process.argv.slice(2) : RUNTIMES;
const server = await startSmokeEndpoint();
let failed = 0;
try {
  for (const runtime of chosen) {
    const started = Date.now();
    try {
      const result = await runSmoke(runtime, server);
      console.log(`${runtime} (${result.runtime.transport}, ${result.runtime.crypto}) in ${Date.now() - started} ms`);
      for (const step of result.steps) {
        if (!step.ok) failed++;
        console.log(`  ${step.ok ? 'ok  ' : 'FAIL'} ${step.name} (${step.ms} ms) ${step.detail}`);
      }
    } catch (err) {
      failed++;
      console.log(`${runtime}: FAILED TO RUN: ${err.message}`);
    }
  }
} finally {
  await server.stop();
}
process.exitCode = failed === 0 ? 0 : 1;
