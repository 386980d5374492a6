import type { StandaloneS3MockServer } from '@s3kit/s3-mock';
import type { Runtime, RunOptions } from './runtimes.mjs';

/** One step of the smoke suite, as the runtime reported it. */
export interface SmokeStep {
  name: string;
  ok: boolean;
  detail: string;
  ms: number;
}

/** What the smoke suite returns from one runtime. */
export interface SmokeResult {
  runtime: { transport: 'undici' | 'fetch'; crypto: 'node:crypto' | 'js' };
  steps: SmokeStep[];
}

export const SMOKE_PART_SIZE: number;
export function startSmokeEndpoint(): Promise<StandaloneS3MockServer>;
export function runSmoke(runtime: Runtime, server: StandaloneS3MockServer, options?: RunOptions): Promise<SmokeResult>;
