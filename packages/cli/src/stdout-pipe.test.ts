import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { watchStdout } from './stdout-pipe.js';
import { capture } from './test-support/context.js';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`write ${code}`), { code });
}

describe('watchStdout', () => {
  it('exits 0 without a word when the reader closed the pipe (EPIPE), once', () => {
    const stdout = new EventEmitter();
    const stderr = capture();
    const codes: number[] = [];
    watchStdout(stdout, stderr, (code) => codes.push(code));
    stdout.emit('error', errno('EPIPE'));
    stdout.emit('error', errno('EPIPE'));
    expect(codes).toEqual([0]);
    expect(stderr.text).toBe('');
  });

  it('says why and exits 255 on any other write error', () => {
    const stdout = new EventEmitter();
    const stderr = capture();
    const codes: number[] = [];
    watchStdout(stdout, stderr, (code) => codes.push(code));
    stdout.emit('error', errno('ENOSPC'));
    expect(codes).toEqual([255]);
    expect(stderr.text).toBe('s3kit: cannot write to stdout: ENOSPC\n');
  });
});
