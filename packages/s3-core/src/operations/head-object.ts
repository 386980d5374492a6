import { defineOperation } from '../interpreter/spec.js';
import { readObjectInput } from './get-object.js';
import type { GetObjectInput } from './get-object.js';
import { objectDescriptionOutput } from './object-headers.js';
import type { ObjectDescription } from './object-headers.js';

/** Input of {@link HeadObject}: as GetObject. */
export type HeadObjectInput = GetObjectInput;
/** Output of {@link HeadObject}: the object's headers, no body. */
export type HeadObjectOutput = ObjectDescription;

/**
 * HeadObject: `HEAD /{Bucket}/{Key+}`. A missing key is `NotFound` (404), HEAD has no error body.
 * @example
 * ```ts
 * try {
 *   const { ContentLength, ETag, LastModified } = await client.headObject({ Bucket: 'photos', Key: 'a.txt' });
 * } catch (err) {
 *   if (!isNotFoundError(err)) throw err; // a missing key is NotFound (404)
 * }
 * ```
 */
export const HeadObject = defineOperation<HeadObjectInput, HeadObjectOutput>({
  name: 'HeadObject',
  method: 'HEAD',
  path: '/{Bucket}/{Key+}',
  input: readObjectInput,
  output: objectDescriptionOutput,
});
