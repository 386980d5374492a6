/** The two date forms SigV4 uses. */
export interface AmzDate {
  /** `YYYYMMDDTHHMMSSZ`, the `x-amz-date` value. */
  long: string;
  /** `YYYYMMDD`, the credential scope date. */
  short: string;
}

/** Formats epoch milliseconds as SigV4 dates (UTC, second precision). */
export function formatAmzDate(ms: number): AmzDate {
  const iso = new Date(ms).toISOString(); // 2015-08-30T12:36:00.000Z
  const short = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
  return { long: `${short}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`, short };
}

/** Returns a formatter that reuses its last result within the same second (signing is hot). */
export function createAmzDateFormatter(): (ms: number) => AmzDate {
  let lastSecond = Number.NaN;
  let last: AmzDate = { long: '', short: '' };
  return (ms) => {
    const second = Math.floor(ms / 1000);
    if (second !== lastSecond) {
      lastSecond = second;
      last = formatAmzDate(ms);
    }
    return last;
  };
}
