// A real npm registry (Verdaccio) on loopback for the release rehearsal: started in a child
// process, with one user whose token publishes, and stopped without leaving a process behind.
import { fork } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const SERVER = join(import.meta.dirname, 'registry-server.mjs');

/** The path of a package's document on a registry: scoped names keep their `@`, the `/` is encoded. */
export function packumentPath(name) {
  return name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
}

function logTail(file, lines = 20) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no registry log)';
  }
}

/**
 * Starts a registry that stores under `dir` and listens on 127.0.0.1 at a free port. Resolves once
 * it answers, with a user registered: `{ url, token, pid, logFile, stop(), packument(name),
 * publishTarball(file, manifest) }`. The token is for `.npmrc` files only, never for printing.
 * @throws {Error} when the registry exits or does not report a port within `timeoutMs` (it is
 *   killed and reaped first), with the tail of its log; or when it refuses to add the user.
 */
export async function startRegistry({ dir, timeoutMs = 60_000 }) {
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, 'registry.log');
  const log = openSync(logFile, 'a');
  const env = { ...process.env, REGISTRY_DIR: dir };
  // Verdaccio reads these; none of them may point the rehearsal's registry elsewhere.
  for (const key of ['VERDACCIO_STORAGE_PATH', 'http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY']) delete env[key];
  const child = fork(SERVER, [], { env, stdio: ['ignore', log, log, 'ipc'] });
  closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  let timer;
  const port = await Promise.race([
    new Promise((resolve) => child.once('message', (m) => resolve(m.port))),
    exited.then((how) => Promise.reject(new Error(`the registry exited (${how}) before listening:\n${logTail(logFile)}`))),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the registry did not listen within ${timeoutMs / 1000} s:\n${logTail(logFile)}`)), timeoutMs);
    }),
  ])
    .catch(async (err) => {
      child.kill('SIGKILL');
      await exited;
      throw err;
    })
    .finally(() => clearTimeout(timer));
  const url = `http://127.0.0.1:${port}/`;

  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.send('stop');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }

  try {
    const user = `rehearsal-${randomBytes(4).toString('hex')}`;
    const res = await fetch(`${url}-/user/org.couchdb.user:${user}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: user, password: randomBytes(18).toString('base64url'), type: 'user', roles: [] }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok || typeof body.token !== 'string') throw new Error(`the registry refused to add a user (${res.status}): ${body.error ?? ''}`);
    return { url, token: body.token, pid: child.pid, logFile, stop, packument: (name) => getPackument(url, name), publishTarball: (file, manifest) => publishTarball(url, body.token, file, manifest) };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function getPackument(url, name) {
  const res = await fetch(`${url}${packumentPath(name)}`, { headers: { accept: 'application/json' } });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`GET ${name} from the registry: ${res.status}`);
  return res.json();
}

/**
 * Publishes a tarball as `npm publish` does (one PUT of the package document with the tarball
 * attached), but only ever to this registry: a third-party manifest's own `publishConfig` (another
 * registry, provenance) plays no part.
 */
async function publishTarball(url, token, file, manifest) {
  const data = readFileSync(file);
  const filename = basename(file);
  const version = {
    ...manifest,
    _id: `${manifest.name}@${manifest.version}`,
    dist: {
      shasum: createHash('sha1').update(data).digest('hex'),
      integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
      tarball: `${url}${manifest.name}/-/${filename}`,
    },
  };
  const res = await fetch(`${url}${packumentPath(manifest.name)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      _id: manifest.name,
      name: manifest.name,
      'dist-tags': { latest: manifest.version },
      versions: { [manifest.version]: version },
      _attachments: { [filename]: { content_type: 'application/octet-stream', data: data.toString('base64'), length: data.length } },
    }),
  });
  if (!res.ok) throw new Error(`publishing ${manifest.name}@${manifest.version} to the registry: ${res.status} ${await res.text()}`);
}
