/**
 * The deadline of one call (`timeoutMs`). Unlike `AbortSignal.timeout`, whose timer is unref'd, its
 * timer keeps the process alive while the call waits: a call waiting on nothing but its deadline (a
 * transport without sockets, say) must not let Node exit in the middle of it. Once the call has
 * returned it no longer holds the process, yet still bounds the reading of a streamed body.
 */

/** A running deadline. */
export interface Deadline {
  /** Aborted, with a `TimeoutError` DOMException as reason, when the deadline passes. */
  readonly signal: AbortSignal;
  /** The call returned: stop holding the process open (the deadline still fires). */
  release(): void;
}

/** Starts a deadline of `ms` milliseconds. */
export function startDeadline(ms: number): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException(`The operation timed out after ${ms} ms`, 'TimeoutError'));
  }, Math.max(0, ms));
  return {
    signal: controller.signal,
    release: () => {
      // Node's timers have unref(); workerd's and browsers' setTimeout returns a number (and holds no process).
      const handle: unknown = timer;
      if (typeof handle === 'object' && handle !== null) (handle as { unref?: () => void }).unref?.();
    },
  };
}
