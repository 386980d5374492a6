/** A tiny XML reader for assertions: enough for S3's flat response documents, nothing more. */

const decode = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

/** Inner XML of every `<tag>` element (not decoded), in document order. */
export function xmlBlocks(xml: string, tag: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${tag}>)`, 'g');
  for (const m of xml.matchAll(re)) out.push(m[1] ?? '');
  return out;
}

/** Decoded text of every `<tag>` element. */
export const xmlAll = (xml: string, tag: string): string[] => xmlBlocks(xml, tag).map(decode);

/** Decoded text of the first `<tag>`, or `undefined`. */
export const xmlText = (xml: string, tag: string): string | undefined => xmlAll(xml, tag)[0];

/** The `<Code>` of an S3 error document. */
export const errorCode = (xml: string): string | undefined => xmlText(xml, 'Code');

/** Escapes text for an XML body. */
export const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
