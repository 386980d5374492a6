// Runs an exported async function of an ES module in one JavaScript runtime and returns its JSON
// result: Node (this one), Bun and Deno (npm packages, child processes), workerd (through Miniflare,
// without nodejs_compat: a pure Worker) and headless Chromium (Debian's, driven by playwright-core).
// Every runtime loads the built packages (dist): Node, Bun and Deno resolve them from node_modules
// with their own export conditions; workerd and Chromium get an esbuild bundle made with the
// conditions their bundlers use. A runtime that cannot start throws: the matrix never skips one.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The runtimes of the matrix, in the order they run. */
export const RUNTIMES = ['node', 'bun', 'deno', 'workerd', 'chromium'];

/** Debian's Chromium, as `.ci/run` installs it. */
export const CHROMIUM = process.env.S3KIT_CHROMIUM ?? '/usr/bin/chromium';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = dirname(here);
const require = createRequire(join(packageDir, 'package.json'));
const MARKER = 'S3KIT-MATRIX-RESULT ';

/** The Bun binary from its platform package (`bun`'s own bin needs a postinstall script pnpm does not run). */
export function bunBinary() {
  const platform = { 'linux-x64': 'linux-x64', 'linux-arm64': 'linux-aarch64', 'darwin-x64': 'darwin-x64', 'darwin-arm64': 'darwin-aarch64' }[`${process.platform}-${process.arch}`];
  if (!platform) throw new Error(`No Bun package for ${process.platform}-${process.arch}`);
  const bunRequire = createRequire(require.resolve('bun/package.json'));
  return join(dirname(bunRequire.resolve(`@oven/bun-${platform}/package.json`)), 'bin', 'bun');
}

/** The Deno launcher of the npm `deno` package (it runs the binary of its platform package). */
export function denoBinary() {
  return join(packageDir, 'node_modules', '.bin', 'deno');
}

/** Versions of the runtimes, for reports. */
export async function runtimeVersions() {
  const { chromium } = await import('playwright-core');
  const browser = await launchChromium(chromium);
  const versions = {
    node: process.versions.node,
    bun: (await capture(bunBinary(), ['--version'])).trim(),
    deno: (await capture(denoBinary(), ['--version'])).split('\n')[0].replace(/^deno /, '').replace(/ \(.*$/, ''),
    workerd: createRequire(require.resolve('miniflare/package.json'))('workerd/package.json').version,
    chromium: browser.version(),
  };
  await browser.close();
  return versions;
}

function capture(file, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${file} ${args.join(' ')} exited ${code}`))));
  });
}

/** An entry file that imports `modulePath`, calls `exportName` with the input in the environment and prints the result. */
function processEntry(modulePath, exportName) {
  return `const env = globalThis.Deno ? globalThis.Deno.env.toObject() : process.env;
const mod = await import(${JSON.stringify(modulePath)});
const out = await mod[${JSON.stringify(exportName)}](JSON.parse(env.S3KIT_MATRIX_INPUT));
console.log(${JSON.stringify(MARKER)} + JSON.stringify(out));
`;
}

async function runProcess(runtime, entry, input, timeoutMs) {
  const dir = await mkdtemp(join(tmpdir(), `s3kit-matrix-${runtime}-`));
  // The entry sits in the package so bare imports resolve from its node_modules.
  const entryPath = join(here, `.matrix-entry-${runtime}-${process.pid}.mjs`);
  await writeFile(entryPath, entry);
  const env = { ...process.env, S3KIT_MATRIX_INPUT: JSON.stringify(input), DENO_DIR: join(dir, 'deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
  const [file, args] =
    runtime === 'node'
      ? [process.execPath, [entryPath]]
      : runtime === 'bun'
        ? [bunBinary(), [entryPath]]
        : [denoBinary(), ['run', '--quiet', '--no-prompt', '--node-modules-dir=manual', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', entryPath]];
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(file, args, { cwd: packageDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`${runtime} did not start: ${err.message}`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const line = stdout.split('\n').find((l) => l.startsWith(MARKER));
        if (code === 0 && line) resolve(JSON.parse(line.slice(MARKER.length)));
        else reject(new Error(`${runtime} exited ${code ?? signal} without a result\n${stderr.slice(-4000)}${stdout.slice(-2000)}`));
      });
    });
  } finally {
    await rm(entryPath, { force: true });
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Bundles `modulePath` (with everything it imports, no externals) the way a browser or Worker
 * build would: esbuild, `platform: 'browser'`, the runtime's export conditions.
 */
export async function bundle(modulePath, exportName, target, options = {}) {
  const esbuild = await import('esbuild');
  const wrapper =
    target === 'workerd'
      ? `import { ${exportName} as run } from ${JSON.stringify(modulePath)};
export default { async fetch(request) { return Response.json(await run(await request.json())); } };`
      : `import { ${exportName} as run } from ${JSON.stringify(modulePath)};
globalThis.__s3kitRun = run;`;
  const result = await esbuild.build({
    stdin: { contents: wrapper, resolveDir: here, sourcefile: `${target}-entry.mjs`, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: target === 'workerd' ? ['workerd', 'worker', 'browser'] : ['browser'],
    minify: options.minify ?? false,
    // The repository's tsconfig maps workspace packages to their sources; a consumer's build does not.
    tsconfigRaw: {},
    logLevel: 'silent',
    metafile: options.metafile ?? false,
  });
  return { code: result.outputFiles[0].text, metafile: result.metafile, warnings: result.warnings.map((w) => w.text) };
}

async function runWorkerd(modulePath, exportName, input, timeoutMs) {
  const { Miniflare } = await import('miniflare');
  const { code } = await bundle(modulePath, exportName, 'workerd');
  const mf = new Miniflare({ modules: true, script: code, compatibilityDate: '2025-09-01' });
  try {
    const res = await mf.dispatchFetch('http://matrix.local/', { method: 'POST', body: JSON.stringify(input), signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`workerd answered ${res.status}: ${text.slice(0, 4000)}`);
    return JSON.parse(text);
  } finally {
    await mf.dispose();
  }
}

function launchChromium(chromium) {
  // The flags the machine's probe uses: without the background-networking ones, Chromium keeps
  // trying to reach Google on a network that refuses it.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

async function runChromium(modulePath, exportName, input, timeoutMs) {
  const { chromium } = await import('playwright-core');
  const { code } = await bundle(modulePath, exportName, 'browser');
  const page = `<!doctype html><meta charset="utf-8"><title>s3kit matrix</title><script type="module" src="/bundle.js"></script>`;
  // The page has its own origin: every S3 request is cross-origin, as from a real web app.
  const server = createServer((req, res) => {
    if (req.url === '/bundle.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchChromium(chromium);
  const errors = [];
  try {
    const tab = await browser.newPage();
    tab.on('pageerror', (err) => errors.push(err.message));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`, { timeout: timeoutMs });
    await tab.waitForFunction(() => typeof globalThis.__s3kitRun === 'function', undefined, { timeout: timeoutMs });
    tab.setDefaultTimeout(timeoutMs);
    return await tab.evaluate((arg) => globalThis.__s3kitRun(arg), input);
  } catch (err) {
    throw new Error(`chromium: ${err.message}${errors.length ? `\npage errors: ${errors.join('\n')}` : ''}`, { cause: err });
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * Runs `exportName` of `modulePath` (an absolute path) in `runtime` with `input` (JSON) and resolves
 * with what it returned (JSON).
 * @param {'node' | 'bun' | 'deno' | 'workerd' | 'chromium'} runtime
 */
export async function runIn(runtime, modulePath, exportName, input, { timeoutMs = 120_000 } = {}) {
  switch (runtime) {
    case 'node':
    case 'bun':
    case 'deno':
      return runProcess(runtime, processEntry(modulePath, exportName), input, timeoutMs);
    case 'workerd':
      return runWorkerd(modulePath, exportName, input, timeoutMs);
    case 'chromium':
      return runChromium(modulePath, exportName, input, timeoutMs);
    default:
      throw new Error(`Unknown runtime ${runtime}`);
  }
}
