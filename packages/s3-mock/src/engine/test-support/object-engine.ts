import { createFakeClock } from '@s3kit/primitives';
import { createS3Engine } from '../engine.js';
import type { S3Engine } from '../engine.js';

/** The fake clock's start in the object operation tests. */
export const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);

/** A fresh engine (5-byte minimum parts) with bucket `bkt`, on a fake clock at `T0 + 1234`. */
export function freshObjectEngine(): { engine: S3Engine; clock: ReturnType<typeof createFakeClock> } {
  const clock = createFakeClock(T0 + 1234);
  const engine = createS3Engine({ clock, minPartSize: 5 });
  engine.createBucket({ Bucket: 'bkt' });
  return { engine, clock };
}
