import type { InputOf, OutputOf } from '../interpreter/spec.js';
import { operations } from '../operations/index.js';
import type { S3OperationName, S3Operations } from '../operations/index.js';
import { S3BaseClient } from './base-client.js';
import type { SendOptions } from './client-options.js';
import type { MethodArgs, S3ClientMethods } from './client-methods.js';

/**
 * An S3 client: resolves its settings once (options, then environment, then shared config files),
 * then runs operations given as data (`client.send(GetObject, input)`) or through the typed
 * convenience methods generated from the operation table (`client.getObject(input)`). Everything
 * but the methods is {@link S3BaseClient}'s, which a size-conscious program can use alone.
 *
 * @example
 * ```ts
 * const client = new S3Client({ region: 'eu-west-1' });
 * await client.putObject({ Bucket: 'photos', Key: 'a.txt', Body: 'hello' });
 * const { Body } = await client.getObject({ Bucket: 'photos', Key: 'a.txt' });
 * console.log(await Body.text());
 * await client.close();
 * ```
 */
// The class merges with the interface of generated methods below (installed on the prototype at load).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class S3Client extends S3BaseClient {}

export type { S3ClientMethods } from './client-methods.js';

/** The methods the operation table implies; the generated, documented interface must match it. */
type TableMethods = {
  [K in S3OperationName as Uncapitalize<K>]: (...args: MethodArgs<InputOf<S3Operations[K]>>) => Promise<OutputOf<S3Operations[K]>>;
};
// Compile-time drift check between client-methods.ts and the operation table: same names, identical
// signatures (a mismatch makes `_MethodsMatchTable` fail to compile).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the exact identity test needs the generic form
type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type SameMethods =
  Identical<keyof TableMethods, keyof S3ClientMethods> extends true
    ? false extends { [K in keyof TableMethods]: Identical<TableMethods[K], S3ClientMethods[K]> }[keyof TableMethods]
      ? false
      : true
    : false;
type Assert<T extends true> = T;
type _MethodsMatchTable = Assert<SameMethods>;

// Declaration merging gives the class the generated methods' types; they are installed below.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface S3Client extends S3ClientMethods {}

for (const [name, op] of Object.entries(operations)) {
  Object.defineProperty(S3Client.prototype, name.charAt(0).toLowerCase() + name.slice(1), {
    value: function (this: S3Client, input: unknown = {}, options?: SendOptions) {
      return this.send(op, input, options);
    },
    writable: true,
    configurable: true,
  });
}
