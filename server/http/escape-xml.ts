/** Text to put inside XML, XHTML or HTML elements and attributes (generated EPUBs, SVG covers, phone pages, OPDS). */
export function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
}
