/** No zlib here (browsers, workerd): CRC32 uses the table-driven JavaScript version. */

/** Native CRC32: none in this runtime. */
export const nativeCrc32: ((data: Uint8Array, value?: number) => number) | undefined = undefined;
