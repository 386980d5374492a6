import { describe, expect, it } from 'vitest';
import { writeAt } from './file-system.js';
import type { TransferFileHandle } from './file-system.js';

/** A file in memory; `writev` (when enabled) writes at most `writevLimit` bytes per call. */
function memoryFile(options: { writev: boolean; writevLimit?: number }) {
  const bytes = new Uint8Array(64);
  const calls: string[] = [];
  const handle: TransferFileHandle = {
    read: () => Promise.reject(new Error('not read in these tests')),
    write(buffer, offset, length, position) {
      const n = Math.min(length, 3);
      bytes.set(buffer.subarray(offset, offset + n), position);
      calls.push(`write ${n}@${position}`);
      return Promise.resolve({ bytesWritten: n });
    },
    close: () => Promise.resolve(),
  };
  if (options.writev) {
    handle.writev = (buffers, position) => {
      let at = position;
      let budget = options.writevLimit ?? Infinity;
      for (const b of buffers) {
        const n = Math.min(b.byteLength, budget);
        bytes.set(b.subarray(0, n), at);
        at += n;
        budget -= n;
      }
      calls.push(`writev ${at - position}@${position}`);
      return Promise.resolve({ bytesWritten: at - position });
    };
  }
  return { handle, bytes, calls };
}

const enc = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array, from: number, to: number) => new TextDecoder().decode(b.subarray(from, to));

describe('writeAt', () => {
  it('writes all chunks with one writev at the position', async () => {
    const f = memoryFile({ writev: true });
    await writeAt(f.handle, [enc('abc'), enc('defg'), enc('h')], 10);
    expect(text(f.bytes, 10, 18)).toBe('abcdefgh');
    expect(f.calls).toEqual(['writev 8@10']);
  });

  it('finishes a short writev with writes from where it stopped, mid-chunk', async () => {
    const f = memoryFile({ writev: true, writevLimit: 5 });
    await writeAt(f.handle, [enc('abc'), enc('defg'), enc('hij')], 2);
    expect(text(f.bytes, 2, 12)).toBe('abcdefghij');
    expect(f.calls).toEqual(['writev 5@2', 'write 2@7', 'write 3@9']);
  });

  it('falls back to write, looping over short writes, without writev', async () => {
    const f = memoryFile({ writev: false });
    await writeAt(f.handle, [enc('abcdefg'), enc('hi')], 0);
    expect(text(f.bytes, 0, 9)).toBe('abcdefghi');
    expect(f.calls).toEqual(['write 3@0', 'write 3@3', 'write 1@6', 'write 2@7']);
  });
});
