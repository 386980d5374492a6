/**
 * A tiny extractor for the few fields of STS Query API responses (no XML dependency). It finds
 * the text of the first `<Name>` element after a position, decodes the five predefined entities
 * and numeric references, and nothing else: no DTDs, no entity expansion.
 */

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes `&amp;`-style predefined entities and `&#N;` / `&#xN;` references; unknown ones stay as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/**
 * The decoded text of the first `<name>` element (attributes allowed) found inside each of
 * `path`'s elements in turn, e.g. `xmlText(xml, 'Credentials', 'AccessKeyId')`. `undefined` when absent.
 */
export function xmlText(xml: string, ...path: readonly string[]): string | undefined {
  let scope = xml;
  for (const name of path) {
    const open = new RegExp(`<${name}(?:\\s[^>]*)?>`).exec(scope);
    if (!open) return undefined;
    const start = open.index + open[0].length;
    const end = scope.indexOf(`</${name}>`, start);
    if (end < 0) return undefined;
    scope = scope.slice(start, end);
  }
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(scope);
  return cdata ? cdata[1] : decodeXmlText(scope.trim());
}
