import { createFakeClock } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { createProgressReporter, progressMode } from './progress.js';
import { capture } from './test-support/context.js';

const MiB = 1024 * 1024;

describe('progress', () => {
  it('picks bars on a TTY, lines otherwise, nothing for --json or --no-progress', () => {
    expect(progressMode(true, false, false)).toBe('bars');
    expect(progressMode(false, false, false)).toBe('lines');
    expect(progressMode(true, true, false)).toBe('none');
    expect(progressMode(true, false, true)).toBe('none');
  });

  it('lines mode prints each quarter of a big task with its rate', async () => {
    const sink = capture();
    const clock = createFakeClock(0);
    const progress = createProgressReporter({ mode: 'lines', sink, clock, linesThreshold: 4 * MiB });
    const task = progress.task('upload big', 8 * MiB);
    for (let i = 0; i < 8; i++) {
      await clock.advance(500);
      task.advance(MiB);
    }
    task.done();
    const small = progress.task('small', 1024);
    small.advance(1024);
    small.done();
    progress.log('a line');
    progress.stop();
    expect(sink.text).toBe(
      'upload big: 25% (2.0 MiB of 8.0 MiB, 2.0 MiB/s)\nupload big: 50% (4.0 MiB of 8.0 MiB, 2.0 MiB/s)\nupload big: 75% (6.0 MiB of 8.0 MiB, 2.0 MiB/s)\nupload big: 100% (8.0 MiB, 2.0 MiB/s)\na line\n',
    );
  });

  it('none mode writes nothing', () => {
    const sink = capture();
    const progress = createProgressReporter({ mode: 'none', sink });
    const task = progress.task('x', 10);
    task.advance(10);
    task.done();
    progress.log('x');
    progress.stop();
    expect(sink.text).toBe('');
  });

  it('bars mode renders several cli-progress bars with rate and ETA on the sink', async () => {
    const sink = capture();
    const clock = createFakeClock(0);
    const progress = createProgressReporter({ mode: 'bars', sink, clock });
    const a = progress.task('upload a-very-long-name-that-does-not-fit-in-the-label-column.bin', 4 * MiB);
    const b = progress.task('download b', 2 * MiB);
    await clock.advance(1000);
    a.advance(MiB);
    b.advance(2 * MiB);
    progress.log('upload: a');
    // cli-progress redraws on its own timer (10 per second here): let it draw a frame.
    await new Promise((resolve) => setTimeout(resolve, 350));
    b.done();
    b.done();
    a.done();
    progress.stop();
    progress.stop();
    expect(sink.text).toContain('download b');
    expect(sink.text).toContain('...');
    expect(sink.text).toMatch(/\d+% /);
    expect(sink.text).toContain('ETA');
    expect(sink.text).toContain('upload: a');
  });

  it('bars mode adds the overall line of a tree: files done of known, bytes, rate and ETA', async () => {
    const sink = capture();
    const clock = createFakeClock(0);
    const progress = createProgressReporter({ mode: 'bars', sink, clock });
    const overall = progress.overall();
    overall.update({ filesDone: 0, filesKnown: 2, bytesDone: 0, bytesKnown: 4 * MiB });
    await clock.advance(2000);
    overall.update({ filesDone: 1, filesKnown: 3, bytesDone: 2 * MiB, bytesKnown: 6 * MiB });
    await new Promise((resolve) => setTimeout(resolve, 350));
    progress.stop();
    expect(sink.text).toContain('total: 1/3 files');
    expect(sink.text).toContain('2.0 MiB/6.0 MiB 1.0 MiB/s ETA');
    const quiet = capture();
    createProgressReporter({ mode: 'lines', sink: quiet }).overall().update({ filesDone: 1, filesKnown: 1, bytesDone: 1, bytesKnown: 1 });
    expect(quiet.text).toBe('');
  });
});
