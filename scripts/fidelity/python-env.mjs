// The Python environment ceph/s3-tests needs, built from this machine's Python and Debian packages
// (no PyPI): a venv that sees the image's boto3/botocore/pytest/PyYAML, pip installs of the few
// small packages the machine's pip index holds, and Debian's python3-munch copied in (Debian's
// own boto3 is too old to share its dist-packages wholesale).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Modules the suite imports, and the pip distribution that provides each when it is missing. */
export const PIP_MODULES = {
  isodate: 'isodate',
  lxml: 'lxml',
  httplib2: 'httplib2',
  pytz: 'pytz',
  pytest_timeout: 'pytest-timeout',
  dateutil: 'python-dateutil',
  requests: 'requests',
};
/** Modules that must come with the machine's Python (too large or too version-sensitive to fetch). */
export const IMAGE_MODULES = ['boto3', 'botocore', 'pytest', 'yaml'];
const DEBIAN_MUNCH = '/usr/lib/python3/dist-packages/munch';

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  return r;
}

/** The modules of `names` that `python` cannot import. */
export function missingModules(python, names) {
  const script = `import importlib.util,sys\nprint(' '.join(n for n in sys.argv[1:] if importlib.util.find_spec(n) is None))`;
  const r = run(python, ['-c', script, ...names]);
  if (r.status !== 0) throw new Error(`${python} could not check its modules: ${r.stderr.trim()}`);
  return r.stdout.trim().split(/\s+/).filter(Boolean);
}

/**
 * Makes (or reuses) `<dir>/venv` and returns its python.
 * @param {{ dir: string, log: (line: string) => void }} options
 */
export function ensurePythonEnv({ dir, log }) {
  const venv = join(dir, 'venv');
  const python = join(venv, 'bin', 'python');
  if (!existsSync(python)) {
    log(`creating ${venv} (python3 -m venv --system-site-packages)`);
    const made = run('python3', ['-m', 'venv', '--system-site-packages', venv]);
    if (made.status !== 0) throw new Error(`python3 -m venv failed: ${made.stderr.trim()}`);
  }
  const lacking = missingModules(python, IMAGE_MODULES);
  if (lacking.length > 0) {
    throw new Error(`the machine's python3 lacks ${lacking.join(', ')} (s3-tests needs boto3, botocore, pytest and PyYAML from the image; they are not fetched)`);
  }
  const pipMissing = missingModules(python, Object.keys(PIP_MODULES));
  if (pipMissing.length > 0) {
    const dists = pipMissing.map((m) => PIP_MODULES[m]);
    log(`pip install ${dists.join(' ')} (from the machine's pip index)`);
    const r = run(python, ['-m', 'pip', 'install', '--quiet', '--retries', '0', '--timeout', '30', ...dists], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`pip install ${dists.join(' ')} failed`);
  }
  if (missingModules(python, ['munch']).length > 0) {
    if (!existsSync(DEBIAN_MUNCH)) installDebianMunch(log);
    const purelib = run(python, ['-c', "import sysconfig;print(sysconfig.get_paths()['purelib'])"]).stdout.trim();
    log(`copying Debian's munch into ${purelib}`);
    cpSync(DEBIAN_MUNCH, join(purelib, 'munch'), { recursive: true });
    // munch reads its own version through pkg_resources: its metadata must come along.
    for (const name of readdirSync(dirname(DEBIAN_MUNCH)).filter((n) => /^munch-.*\.(egg|dist)-info$/.test(n))) {
      cpSync(join(dirname(DEBIAN_MUNCH), name), join(purelib, name), { recursive: true });
    }
  }
  const still = missingModules(python, [...IMAGE_MODULES, ...Object.keys(PIP_MODULES), 'munch']);
  if (still.length > 0) throw new Error(`the s3-tests environment still lacks ${still.join(', ')}`);
  return python;
}

function installDebianMunch(log) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = run('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!root || !apt) throw new Error(`munch is missing and ${DEBIAN_MUNCH} is absent: install Debian's python3-munch (apt-get install python3-munch)`);
  log('apt-get install python3-munch');
  const r = run('sh', ['-c', 'apt-get install -y -qq --no-install-recommends python3-munch >/dev/null || (apt-get update -qq && apt-get install -y -qq --no-install-recommends python3-munch >/dev/null)'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0 || !existsSync(DEBIAN_MUNCH)) throw new Error('apt-get install python3-munch failed');
}
