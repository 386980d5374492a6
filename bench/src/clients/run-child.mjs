import { fork } from 'node:child_process';

/**
 * Runs a client script in its own process with `options` (JSON in argv[2]) and resolves with the
 * one message it sends back, so each client's peak RSS and CPU are its own.
 */
export function runChild(script, options, { execArgv = [] } = {}) {
  return new Promise((resolve, reject) => {
    const child = fork(script, [JSON.stringify(options)], {
      execArgv,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result;
    child.once('message', (m) => (result = m));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (result !== undefined) resolve(result);
      else reject(new Error(`${options.impl} client exited with ${code} and no result`));
    });
  });
}
