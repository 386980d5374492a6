import { describe, expect, it } from 'vitest';
import { runCommand } from './run-command.mjs';

const node = process.execPath;

describe('runCommand', () => {
  it('resolves with stdout and stderr of a command that succeeds', async () => {
    expect(await runCommand(node, ['-e', "process.stdout.write('out '); process.stderr.write('err')"])).toBe('out err');
  });

  it('rejects with the exit code and the output of a command that fails', async () => {
    await expect(runCommand(node, ['-e', "console.log('it went wrong'); process.exit(3)"], { cwd: '/' })).rejects.toThrow(/ \(in \/\) exited 3:\nit went wrong$/);
  });

  it('kills a command that outlives its timeout and says so', async () => {
    const err = await runCommand(node, ['-e', 'setInterval(() => {}, 1000)'], { timeoutMs: 300 }).catch((e) => e);
    expect(err.message).toMatch(/ was stopped after 0\.3 s:\n$/);
  });

  it('terminates the command when the signal aborts, and does not start one after', async () => {
    const controller = new AbortController();
    const running = runCommand(node, ['-e', 'setInterval(() => {}, 1000)'], { signal: controller.signal });
    controller.abort(new Error('interrupted by SIGINT'));
    await expect(running).rejects.toThrow(/ was stopped: interrupted by SIGINT:\n$/);
    await expect(runCommand(node, ['-e', '0'], { signal: controller.signal })).rejects.toThrow(`${node} was not started: interrupted by SIGINT`);
  });

  it('rejects when the command cannot start', async () => {
    await expect(runCommand('/no/such/command', [])).rejects.toThrow(/\/no\/such\/command could not start .*ENOENT/);
  });
});
