// Scenario 9: s3kit beyond Node (issue 14).
// (a) SigV4 header signing per second inside each runtime of the matrix (Node, Bun, Deno, workerd,
//     headless Chromium), s3kit's signSync beside aws4fetch (WebCrypto) in the same runtime.
// (b) Minified size of a browser program that puts, gets and presigns: s3kit (s3-core) vs
//     @aws-sdk/client-s3 (+ s3-request-presigner), and aws4fetch, which only signs.
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { RUNTIMES, bundle, runIn, runtimeVersions } from '@s3kit/runtime-matrix';
import { summarize } from '../stats.mjs';

const here = resolve(import.meta.dirname);
const SIGN_BENCH = resolve(here, '../../../tooling/runtime-matrix/src/sign-bench.mjs');
const SIZES = { full: { rounds: 5, ms: 1000 }, quick: { rounds: 3, ms: 300 }, tiny: { rounds: 1, ms: 20 } };

/** Header signing in every runtime. */
export const headerSigningRuntimes = {
  id: 'sigv4-header-runtimes',
  async run({ size }) {
    const { rounds, ms } = SIZES[size];
    const versions = await runtimeVersions();
    const rows = [];
    const notes = [];
    for (const runtime of RUNTIMES) {
      const result = await runIn(runtime, SIGN_BENCH, 'runSignBench', { ms, rounds }, { timeoutMs: 60_000 + rounds * ms * 6 });
      const of = (impl) => result.rows.find((r) => r.impl === impl).opsPerSec;
      const name = `${runtime} ${versions[runtime]}`;
      rows.push({ impl: `${runtime}-s3kit`, label: `${name}: s3kit signSync (${result.crypto})`, stats: summarize(of('s3kit-sync')) });
      rows.push({ impl: `${runtime}-aws4fetch`, label: `${name}: aws4fetch (WebCrypto)`, stats: summarize(of('aws4fetch')) });
      notes.push(`${name}: s3kit sign (async) ${Math.round(summarize(of('s3kit-async')).median).toLocaleString('en-US')} signatures/s.`);
    }
    return {
      id: 'sigv4-header-runtimes',
      title: '9a. SigV4 header signing in each runtime (S3 GetObject)',
      description:
        'The same request signed at the same instant with a warm key cache, inside each runtime of the matrix; every implementation produced the same signature before timing. Where node:crypto is missing (workerd, Chromium) s3kit hashes with its own JavaScript SHA-256; aws4fetch always uses WebCrypto. Clocks are read after a zero-delay timer (workerd advances its clock only at I/O).',
      unit: 'signatures/s',
      higherIsBetter: true,
      ours: 'node-s3kit',
      noFloor: 'the raw-crypto floor is measured in 1a (Node); the other runtimes have no common native HMAC to call synchronously.',
      // Rows are (s3kit, aws4fetch) pairs of one runtime: each ratio compares within a runtime.
      perAlgorithm: true,
      rows,
      notes,
    };
  },
};

const PROGRAMS = [
  { impl: 's3kit', label: 's3kit (@s3kit/s3-core): put, get, presign', file: 's3kit.mjs' },
  { impl: 'sdk', label: '@aws-sdk/client-s3 + s3-request-presigner: put, get, presign', file: 'aws-sdk.mjs' },
  { impl: 'aws4fetch', label: 'aws4fetch: signed fetches and a signed query (signing only)', file: 'aws4fetch.mjs', floor: true },
];

/** Minified browser bundle sizes. */
export const bundleSize = {
  id: 'bundle-size',
  async run() {
    const rows = [];
    const notes = [];
    for (const program of PROGRAMS) {
      const { code } = await bundle(join(here, '..', 'bundles', program.file), 'run', 'browser', { minify: true });
      const bytes = Buffer.byteLength(code);
      rows.push({ impl: program.impl, label: program.label, ...(program.floor ? { floor: true } : {}), stats: summarize([bytes]) });
      notes.push(`${program.label}: ${(bytes / 1024).toFixed(1)} KiB minified, ${(gzipSync(code).byteLength / 1024).toFixed(1)} KiB gzipped.`);
    }
    return {
      id: 'bundle-size',
      title: '9b. Browser bundle of a put/get/presign program (esbuild, minified)',
      description:
        'Each program (bench/src/bundles/) bundled by esbuild for the browser with no externals and no shims, minified. aws4fetch only signs: it has no XML parsing, retries, checksums or typed errors, so it is the floor, not a peer.',
      unit: 'bytes',
      higherIsBetter: false,
      ours: 's3kit',
      rows,
      notes,
    };
  },
};
