/**
 * Deep freezing of engine records. A record is never changed after it is stored: an update stores
 * a new record. Snapshots can then share every record and copy only the containers that hold them
 * (see `copyState`).
 */

/**
 * Freezes `value` and everything it holds, and returns it. Byte arrays cannot be frozen; the
 * engine copies bodies on the way in and out and never writes into a stored one.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  for (const member of Object.values(value)) deepFreeze(member);
  return Object.freeze(value);
}
