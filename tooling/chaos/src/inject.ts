/**
 * Turns a scenario's fault plan into s3-mock fault rules, fault-proxy rules and settings of the
 * child process (a short transport deadline, temporary credentials, a kill and a re-run).
 */
import type { FaultAction } from '@s3kit/s3-mock';
import type { S3Operation } from '@s3kit/s3-mock';
import { BUCKET } from './environment.js';
import type { ChaosLane } from './environment.js';
import type { FaultPlan, Scenario } from './scenario.js';

/** What the faults ask of the child runs. */
export interface ChildSettings {
  /** Transport deadline (worker runs): slow answers past it time out. */
  timeoutMs: number | undefined;
  /** Use temporary credentials from the container endpoint. */
  expiringCredentials: boolean;
  /** Kill the first run mid-transfer, then run the same command again (with a checkpoint / `--resume`). */
  killAndResume: boolean;
}

/** How long a slow answer waits: well past the worker's transport deadline. */
const SLOW_MS = 1_500;
/** The worker's transport deadline in slow-answer scenarios. */
const DEADLINE_MS = 500;
const SKEW_MS = 20 * 60_000;

function mockAction(fault: FaultPlan, seed: number): FaultAction | undefined {
  switch (fault.kind) {
    case 'reset-before-headers':
      return 'reset';
    case 'reset-mid-body':
      return { truncateBodyAt: 1 + (seed % 4096) };
    case 'truncated-body':
      return { truncateBodyAt: 0 };
    case 'storm-500':
      return { status: 500, code: 'InternalError' };
    case 'storm-slowdown':
    case 'storm-slowdown-retry-after':
      return { slowDown: true };
    case '200-with-error':
      return '200-error';
    case 'slow-past-timeout':
      return { delayMs: SLOW_MS };
    case 'clock-skew':
      return { clockSkewMs: seed % 2 === 0 ? SKEW_MS : -SKEW_MS };
    default:
      return undefined;
  }
}

/** Installs the faults of `s` on the lane; returns what the child runs must do. */
export function injectFaults(s: Scenario, lane: ChaosLane): ChildSettings {
  const settings: ChildSettings = { timeoutMs: undefined, expiringCredentials: false, killAndResume: false };
  for (const [i, fault] of s.faults.entries()) {
    const name = `${fault.kind}-${i + 1}`;
    if (fault.kind === 'kill-and-resume') {
      settings.killAndResume = true;
      continue;
    }
    if (fault.kind === 'expiring-credentials') {
      settings.expiringCredentials = true;
      // Every other such run also meets an ExpiredToken answer mid-transfer.
      if (fault.nth % 2 === 0) {
        lane.mock.faults.add({ name, match: { bucket: BUCKET }, nth: fault.nth, action: { status: 400, code: 'ExpiredToken', message: 'The provided token has expired.' } });
      }
      continue;
    }
    const operation = fault.target as S3Operation;
    if (fault.kind === 'slow-past-timeout') settings.timeoutMs = DEADLINE_MS;
    if (fault.kind === 'storm-slowdown-retry-after') lane.proxy.retryAfter(1);
    if (fault.kind === 'wrong-content-range' || fault.kind === 'empty-200' || fault.kind === 'endless-listing') {
      lane.proxy.add({ operation, action: fault.kind, times: fault.times, nth: fault.nth });
      continue;
    }
    const action = mockAction(fault, s.seed);
    if (action === undefined) continue;
    // A server whose clock is off is off for every request, from its nth on, for the whole run.
    if (fault.kind === 'clock-skew') lane.mock.faults.add({ name, match: { bucket: BUCKET }, nth: fault.nth, times: 100_000, action });
    else lane.mock.faults.add({ name, match: { operation, bucket: BUCKET }, nth: fault.nth, times: fault.times, action });
  }
  return settings;
}
