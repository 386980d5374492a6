/** No child processes here (browsers, workerd): `credential_process` fails to start, with a reason. */

type Callback = (error: Error | null, stdout: string, stderr: string) => void;

/** Calls back (asynchronously) with an `ENOSYS` error: this runtime cannot start processes. */
export function execFile(file: string, _args: readonly string[], _options: unknown, callback: Callback): void {
  const error = Object.assign(new Error(`Cannot run ${file}: this runtime has no child processes`), { code: 'ENOSYS' });
  queueMicrotask(() => {
    callback(error, '', '');
  });
}
