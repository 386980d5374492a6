/**
 * An equality tester for byte arrays, registered for every vitest project (setupFiles in
 * vitest.config.ts). vitest's `toEqual` walks a Uint8Array element by element through its generic
 * deep equality, about 1 s for 300 KB on this machine: an upload test that checked its stored
 * bytes with `toEqual(data)` looked like a 1 s upload. This compares the bytes in one native call.
 */
import { expect } from 'vitest';

/**
 * Equal when both are byte arrays of the same class with the same bytes; `undefined` (vitest's
 * own rules decide) when either is something else or the classes differ, so `toStrictEqual` still
 * tells a Buffer from a Uint8Array.
 */
export function byteArraysEqual(a: unknown, b: unknown): boolean | undefined {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return undefined;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return undefined;
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

expect.addEqualityTesters([byteArraysEqual]);
