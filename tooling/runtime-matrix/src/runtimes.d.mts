/** A runtime of the matrix. */
export type Runtime = 'node' | 'bun' | 'deno' | 'workerd' | 'chromium';

/** Options of {@link runIn}. */
export interface RunOptions {
  /** Milliseconds before the runtime is stopped. @default 120000 */
  timeoutMs?: number;
}

export const RUNTIMES: readonly Runtime[];
export const CHROMIUM: string;
export function bunBinary(): string;
export function denoBinary(): string;
export function runtimeVersions(): Promise<Record<Runtime, string>>;
export function bundle(modulePath: string, exportName: string, target: 'workerd' | 'browser', options?: { minify?: boolean; metafile?: boolean }): Promise<{ code: string; metafile: unknown; warnings: string[] }>;
export function runIn<T>(runtime: Runtime, modulePath: string, exportName: string, input: unknown, options?: RunOptions): Promise<T>;
