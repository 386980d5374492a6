import { describe, expect, it } from 'vitest';
import { progressHooks } from '../commands/transfer-command.js';
import type { ProgressReporter } from '../progress.js';
import { checkpointPath } from './settings.js';

describe('checkpointPath', () => {
  it('keeps the checkpoint beside the file', () => {
    expect(checkpointPath('/data/big.bin')).toBe('/data/big.bin.s3kit-checkpoint');
  });
});

describe('progressHooks', () => {
  it('gives big objects their own task, counts bytes per object and takes back retried bytes', () => {
    const events: string[] = [];
    const reporter: ProgressReporter = {
      task: (label, total) => {
        events.push(`task ${label} ${total}`);
        return { advance: (n) => events.push(`advance ${label} ${n}`), done: () => events.push(`done ${label}`) };
      },
      overall: () => ({ update: () => undefined }),
      log: () => undefined,
      stop: () => undefined,
    };
    const overall: string[] = [];
    const hooks = progressHooks(reporter, 100, { update: (c) => overall.push(`${c.filesDone}/${c.filesKnown} ${c.bytesDone}/${c.bytesKnown}`) });
    const report = (Key: string, loadedBytes: number, totalBytes: number | undefined): void => {
      hooks.onProgress({ Bucket: 'b', Key, loadedBytes, totalBytes, bytesPerSecond: 0, etaMs: undefined });
    };
    report('small', 10, 10);
    report('big', 60, 200);
    report('big', 40, 200);
    report('big', 200, 200);
    report('stream', 5, undefined);
    expect(hooks.bytes).toBe(10 + 200 + 5);
    expect(events).toEqual(['task big 200', 'advance big 60', 'advance big 160', 'done big']);
    // Files done of files known, bytes done of bytes known (a stream's size counts once known).
    expect(overall).toEqual(['1/1 10/10', '1/2 70/210', '1/2 50/210', '2/2 210/210', '2/3 215/210']);
  });
});
