/**
 * Listing a prefix with pages fetched ahead: the next ListObjectsV2 request is in flight while the
 * caller works through the current page (or walks the local tree), so a sync waits for the
 * server once per listing instead of once per page. At most `ahead` pages are held.
 */
import type { ListedObject } from '../manager/transfer-client.js';
import type { TransferContext } from '../manager/transfer-context.js';

/** Pages held ahead of the consumer by {@link listObjects} unless told otherwise. */
export const LIST_PAGES_AHEAD = 3;

type Listed = ListedObject & { Key: string };

/**
 * Lists the objects under a prefix in key order. Pages are fetched in the background, at most
 * `ahead` of them waiting; the first request starts with the first `next()`. Stopping early
 * (`return`, `break`) cancels the request in flight.
 */
export async function* listObjects(
  ctx: Pick<TransferContext, 'client'>,
  Bucket: string,
  Prefix: string,
  signal?: AbortSignal,
  ahead = LIST_PAGES_AHEAD,
): AsyncGenerator<Listed> {
  const stop = new AbortController();
  const requestSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const pages: Listed[][] = [];
  // An object, not `let`s: the pump changes these while the consumer awaits.
  const state: { finished: boolean; failure?: { error: unknown } } = { finished: false };
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;
  const wake = (which: 'consumer' | 'producer'): void => {
    const fn = which === 'consumer' ? wakeConsumer : wakeProducer;
    if (which === 'consumer') wakeConsumer = undefined;
    else wakeProducer = undefined;
    fn?.();
  };
  const pump = async (): Promise<void> => {
    let token: string | undefined;
    try {
      for (;;) {
        while (pages.length >= ahead && !stop.signal.aborted) await new Promise<void>((resolve) => (wakeProducer = resolve));
        if (stop.signal.aborted) return;
        const page = await ctx.client.listObjectsV2(
          { Bucket, ...(Prefix === '' ? {} : { Prefix }), ...(token === undefined ? {} : { ContinuationToken: token }) },
          { signal: requestSignal },
        );
        pages.push((page.Contents ?? []).filter((o): o is Listed => o.Key !== undefined));
        wake('consumer');
        if (page.IsTruncated !== true || page.NextContinuationToken === undefined) return;
        token = page.NextContinuationToken;
      }
    } catch (error) {
      state.failure = { error };
    } finally {
      state.finished = true;
      wake('consumer');
    }
  };
  const pumping = pump();
  try {
    for (;;) {
      const page = pages.shift();
      if (page === undefined) {
        if (state.finished) break;
        await new Promise<void>((resolve) => (wakeConsumer = resolve));
        continue;
      }
      wake('producer');
      yield* page;
    }
    if (state.failure) throw state.failure.error;
  } finally {
    stop.abort();
    wake('producer');
    await pumping;
  }
}
