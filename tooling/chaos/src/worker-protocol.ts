/** What the matrix and its worker child exchange: the job (argv) and the result line (stdout). */

/** What a worker run does. */
export interface WorkerJob {
  endpoint: string;
  operation: 'upload-buffer' | 'upload-stream' | 'upload-file' | 'download' | 'copy';
  bucket: string;
  /** Destination key (uploads, copies) or the object to download. */
  key: string;
  /** Source key of a copy. */
  sourceKey?: string;
  /** The local file: the upload's source or the download's target. */
  path?: string;
  /** Checkpoint file (upload-file, download). */
  checkpoint?: string;
  partSize: number;
  /** Response header and body deadlines of the transport, in ms. */
  timeoutMs?: number;
}

/** The line a worker prints last. */
export interface WorkerResult {
  ok: boolean;
  error?: { name: string; code: string | undefined; typed: boolean; message: string; leftover: unknown };
}

export const RESULT_PREFIX = 'CHAOS-RESULT ';
