/**
 * fast-xml-parser for Node without a bundler: imported on first need, so that `import
 * '@s3kit/s3-core'` does not load its ~37 modules (s3-core's own reader handles plain S3 XML).
 */
import type { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The two parts of fast-xml-parser the general XML parser uses. */
export interface XmlLibrary {
  XMLParser: typeof XMLParser;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the same code as the separate fast-xml-validator package
  XMLValidator: typeof XMLValidator;
}

/** Loads fast-xml-parser. */
export function loadXmlLibrary(): Promise<XmlLibrary> {
  return import('fast-xml-parser');
}
