import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardExit } from './exit-guard.js';
import { capture } from './test-support/context.js';

function fakeProcess(): EventEmitter & { exitCode?: number | string | null | undefined } {
  return new EventEmitter();
}

describe('guardExit', () => {
  it('turns an exit before the command finished into a message and exit 255 (regression: Node exited 13 or 0 silently)', () => {
    const proc = fakeProcess();
    const stderr = capture();
    guardExit(proc, stderr);
    proc.emit('exit', 13);
    expect(proc.exitCode).toBe(255);
    expect(stderr.text).toContain('s3kit: internal error: the command stopped before it finished');
  });

  it('stays quiet once the command finished', () => {
    const proc = fakeProcess();
    const stderr = capture();
    const finished = guardExit(proc, stderr);
    finished();
    proc.emit('exit', 0);
    expect(proc.exitCode).toBeUndefined();
    expect(stderr.text).toBe('');
  });
});
