import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { runCommand } from './exec.js';

/** Executables the harness runs. */
export const CEPH_BINARIES = ['ceph', 'ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'monmaptool'] as const;

/** Debian packages that provide {@link CEPH_BINARIES} (ceph-common and ceph-base come as dependencies). */
export const CEPH_PACKAGES = ['ceph-mon', 'ceph-osd', 'radosgw'] as const;

/** Whether this machine can run RGW, and whether Ceph must be installed first. */
export type PlatformStatus =
  | { readonly available: true; readonly needsInstall: boolean }
  | { readonly available: false; readonly reason: string };

/** Facts {@link checkPlatform} decides from; injectable so every branch is plain data. */
export interface PlatformFacts {
  readonly platform: NodeJS.Platform;
  readonly uid: number | undefined;
  readonly missingBinaries: readonly string[];
  readonly isDebianLike: boolean;
  readonly hasAptGet: boolean;
}

/** PATH used to find and run Ceph: the caller's PATH plus the system directories Debian installs to. */
export function cephPath(env: NodeJS.ProcessEnv = process.env): string {
  return [...(env['PATH'] ?? '').split(delimiter).filter(Boolean), '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'].join(delimiter);
}

function onPath(name: string, path: string): boolean {
  return path.split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Reads the facts of the current machine. */
export function currentPlatformFacts(): PlatformFacts {
  const path = cephPath();
  return {
    platform: process.platform,
    uid: process.getuid?.(),
    missingBinaries: CEPH_BINARIES.filter((b) => !onPath(b, path)),
    isDebianLike: existsSync('/etc/debian_version'),
    hasAptGet: onPath('apt-get', path),
  };
}

/**
 * Decides whether RGW can run here. Installed Ceph binaries are enough (any user); installing
 * them needs root on Debian/Ubuntu with apt-get.
 */
export function checkPlatform(facts: PlatformFacts = currentPlatformFacts()): PlatformStatus {
  if (facts.platform !== 'linux') return { available: false, reason: `Ceph RGW runs only on Linux; this is ${facts.platform}` };
  if (facts.missingBinaries.length === 0) return { available: true, needsInstall: false };
  const missing = `Ceph is not installed (missing: ${facts.missingBinaries.join(', ')})`;
  if (!facts.isDebianLike) return { available: false, reason: `${missing} and the harness installs it only on Debian/Ubuntu` };
  if (!facts.hasAptGet) return { available: false, reason: `${missing} and apt-get is not on PATH` };
  if (facts.uid !== 0) {
    return { available: false, reason: `${missing} and installing it needs root (uid is ${String(facts.uid)}); run: sudo apt-get install -y --no-install-recommends ${CEPH_PACKAGES.join(' ')}` };
  }
  return { available: true, needsInstall: true };
}

let installing: Promise<void> | undefined;

/**
 * Installs the Ceph packages with apt-get (running `apt-get update` first when the package lists
 * do not know radosgw). One install per process; concurrent callers share it, and other
 * processes wait on the dpkg lock.
 *
 * @throws {Error} when apt-get fails.
 */
export function installCeph(signal?: AbortSignal): Promise<void> {
  installing ??= (async () => {
    const env = { ...process.env, PATH: cephPath(), DEBIAN_FRONTEND: 'noninteractive' };
    const opts = { env, timeoutMs: 600_000, signal };
    const known = await runCommand('apt-cache', ['show', 'radosgw'], { ...opts, timeoutMs: 60_000 }).then(() => true, () => false);
    if (!known) await runCommand('apt-get', ['update'], opts);
    await runCommand('apt-get', ['install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', ...CEPH_PACKAGES], opts);
  })();
  const p = installing;
  // A failed install may be retried by a later caller.
  p.catch(() => { if (installing === p) installing = undefined; });
  return p;
}
