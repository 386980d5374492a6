/** The contract suite's case shape and the per-case context. */
import { expect } from 'vitest';
import type { RawClient, RawResponse } from './raw-client.js';
import { errorCode } from './xml.js';

/** How RGW (Ceph Pacific) differs from AWS on one case. */
export interface Difference {
  /** What AWS (and the mock) does. */
  aws: string;
  /** What RGW does instead. */
  rgw: string;
}

/** Context given to a case's body. */
export interface CaseContext {
  readonly c: RawClient;
  readonly target: 'mock' | 'rgw';
  /** The run's shared bucket. */
  readonly bucket: string;
  /** A key unique to this case. */
  readonly key: (name?: string) => string;
  /** Creates a fresh bucket for this case (removed with its content after the run). */
  readonly newBucket: () => Promise<string>;
  /**
   * The expected value: `aws` on the mock, `rgw` on RGW. Only for cases with a recorded difference
   * (throws otherwise), and a recorded difference must be used by its case.
   */
  readonly expected: <T>(aws: T, rgw: T) => T;
  /** `true` on RGW for a case with a recorded difference (same rules as {@link expected}). */
  readonly rgwDiffers: () => boolean;
}

/** One row of the suite. */
export interface ContractCase {
  /** Operation name as in the AWS API reference (or a group like `Auth`). */
  op: string;
  /** What is checked, short. */
  behaviour: string;
  /** RGW's recorded difference from AWS, when there is one. */
  rgw?: Difference;
  /** Where the mock deliberately departs from AWS (then `rgw.aws` says what the mock does). */
  mock?: string;
  run(t: CaseContext): Promise<void>;
}

/** Asserts an S3 error response: status and `<Code>`. */
export function expectError(res: RawResponse, status: number, code: string): void {
  expect({ status: res.status, code: errorCode(res.text) }).toEqual({ status, code });
}

/** Asserts a bodiless error (HEAD): status and an empty body. */
export function expectBodiless(res: RawResponse, status: number): void {
  expect({ status: res.status, body: res.text }).toEqual({ status, body: '' });
}

/** Asserts a 2xx status, showing the body when it is not. */
export function expectOk(res: RawResponse, status = 200): void {
  expect({ status: res.status, body: res.status === status ? '' : res.text }).toEqual({ status, body: '' });
}
