#!/usr/bin/env node
// `pnpm fidelity`: runs ceph/s3-tests (vendor/s3-tests, as published) against `s3kit serve` and
// writes docs/fidelity.md.
//
//   pnpm fidelity                  run the selection, write the report
//   pnpm fidelity --check          also exit 1 when fewer tests pass than floor.json says, or when
//                                  the server answered 500, a test timed out or the server crashed;
//                                  the report goes to .fidelity/fidelity.md, docs/ stays untouched
//   pnpm fidelity -k 'versioning'  only tests matching a pytest -k expression (report not written)
//
// It sets up the suite's Python environment from the machine's Python and Debian packages (see
// python-env.mjs), starts the built CLI's `serve` with the three identities of identities.mjs, runs
// pytest serially with a per-test timeout, and reads the results from a small observing plugin
// (pytest_fidelity.py). Everything it makes goes to .fidelity/ (git-ignored).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { IDENTITIES, s3testsConfig, usersFile } from './identities.mjs';
import { ensurePythonEnv } from './python-env.mjs';
import { renderReport } from './report.mjs';
import { SELECTION, SERVE_OPTIONS } from './selection.mjs';

const root = resolve(import.meta.dirname, '../..');
const work = join(root, '.fidelity');
const suite = join(root, 'vendor/s3-tests');
const cli = join(root, 'packages/cli/dist/bundle/s3kit.js');

const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    k: { type: 'string', short: 'k' },
    timeout: { type: 'string', default: '30' },
  },
});

const log = (line) => console.log(`fidelity: ${line}`);

function startServer() {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--users', join(work, 'users.json'), '--log', '--json', ...SERVE_OPTIONS], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const state = { exited: false };
    child.stderr.pipe(createWriteStream(join(work, 'server.log')));
    child.on('exit', () => {
      state.exited = true;
    });
    child.on('error', reject);
    createInterface({ input: child.stdout }).once('line', (line) => {
      resolveStart({ child, state, endpoint: JSON.parse(line).endpoint });
    });
    setTimeout(() => reject(new Error('s3kit serve did not print its endpoint within 30 s')), 30_000).unref();
  });
}

function runPytest(python, port) {
  writeFileSync(join(work, 's3tests.conf'), s3testsConfig(port));
  const results = join(work, 'results.jsonl');
  const pytestArgs = ['-m', 'pytest', '-p', 'pytest_fidelity', '-p', 'no:cacheprovider', '-q', '-rN', '--tb=short', `--timeout=${args.timeout}`, '-m', SELECTION, 's3tests/functional/test_s3.py'];
  if (args.k) pytestArgs.push('-k', args.k);
  const out = createWriteStream(join(work, 'pytest.log'));
  return new Promise((resolveRun, reject) => {
    const child = spawn(python, pytestArgs, {
      cwd: suite,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        S3TEST_CONF: join(work, 's3tests.conf'),
        FIDELITY_RESULTS: results,
        PYTHONPATH: import.meta.dirname,
        PYTHONDONTWRITEBYTECODE: '1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
    });
    child.stdout.pipe(out);
    createInterface({ input: child.stderr }).on('line', (line) => {
      const progress = /^fidelity-progress (\d+) (\d+)$/.exec(line);
      if (progress) log(`${progress[1]} of ${progress[2]} tests run`);
      else out.write(`${line}\n`);
    });
    child.on('error', reject);
    child.on('exit', () => {
      out.end();
      if (!existsSync(results)) reject(new Error(`pytest wrote no results: see ${join(work, 'pytest.log')}`));
      else resolveRun(readFileSync(results, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)));
    });
  });
}

async function main() {
  const started = Date.now();
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build first (pnpm fidelity builds)`);
  mkdirSync(work, { recursive: true });
  const python = ensurePythonEnv({ dir: work, log });
  writeFileSync(join(work, 'users.json'), usersFile());
  const server = await startServer();
  log(`s3kit serve at ${server.endpoint} (${Object.keys(IDENTITIES).join(', ')})`);
  let results;
  let crashed = false;
  try {
    results = await runPytest(python, Number(new URL(server.endpoint).port));
  } finally {
    crashed = server.state.exited;
    server.child.kill('SIGTERM');
    if (!server.state.exited) await new Promise((r) => server.child.once('exit', r));
  }
  const serverLog = readFileSync(join(work, 'server.log'), 'utf8').split('\n');
  const serverErrors = [...new Set(serverLog.filter((l) => /^\d{4}-\S+ \S+ \S+ 500 /.test(l)))].map((line) => ({ line }));
  const timeouts = results.filter((r) => /Timeout/.test(r.reason)).map((r) => r.name);
  const passed = results.filter((r) => r.outcome === 'passed').length;
  const floor = JSON.parse(readFileSync(join(import.meta.dirname, 'floor.json'), 'utf8')).passed;
  const reasons = JSON.parse(readFileSync(join(import.meta.dirname, 'failure-reasons.json'), 'utf8'));
  const seconds = (Date.now() - started) / 1000;
  log(`passed ${passed} of ${results.length} in ${Math.round(seconds)} s (floor ${floor}); 500s: ${serverErrors.length}, timeouts: ${timeouts.length}, server crashed: ${crashed}`);
  if (!args.k) {
    const report = renderReport({ results, reasons, floor, serverErrors, timeouts, crashed, seconds, date: new Date().toISOString().slice(0, 10), selection: SELECTION, serveOptions: SERVE_OPTIONS });
    // A --check run (CI) leaves the tree as it found it: its report goes beside the run's files.
    const target = args.check ? join(work, 'fidelity.md') : join(root, 'docs/fidelity.md');
    writeFileSync(target, report);
    log(`wrote ${relative(root, target)}`);
  }
  if (args.check) {
    const problems = [];
    if (passed < floor) problems.push(`${passed} passed, below the floor of ${floor}`);
    if (serverErrors.length > 0) problems.push(`${serverErrors.length} requests answered 500 (see .fidelity/server.log)`);
    if (timeouts.length > 0) problems.push(`${timeouts.length} tests timed out: ${timeouts.join(', ')}`);
    if (crashed) problems.push('the server exited during the run');
    for (const p of problems) console.error(`fidelity: FAILED: ${p}`);
    if (problems.length > 0) process.exit(1);
  }
}

main().catch((err) => {
  console.error(`fidelity: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
