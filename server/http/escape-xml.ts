import { withoutXmlForbidden } from '../../shared/ebooks/xml-chars';

/**
 * Text to put inside XML, XHTML or HTML elements and attributes (generated EPUBs, SVG covers, phone pages, OPDS),
 * without the characters XML forbids, which no escaping can make well-formed.
 */
export function escapeXml(text: string): string {
  return withoutXmlForbidden(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
}
