/**
 * fast-xml-parser where a bundler reads the package (the `module` and `default` conditions): a
 * static import of the two parts used, so the bundle leaves the rest of the package (its XML
 * builder) out. Bundles load as one file, so laziness would save nothing here.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { XmlLibrary } from './xml-library.node.js';

/** fast-xml-parser's parser and validator. */
export function loadXmlLibrary(): Promise<XmlLibrary> {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the same code as the separate fast-xml-validator package
  return Promise.resolve({ XMLParser, XMLValidator });
}
