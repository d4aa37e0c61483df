/**
 * XML and HTML parsing for e-book metadata, through @xmldom/xmldom: a DOM with namespaces, and
 * no expansion of entities declared in a DOCTYPE (so no "billion laughs"). Never regular
 * expressions over markup.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Document, Element } from '@xmldom/xmldom';
import { withoutXmlForbidden } from '../../shared/ebooks/xml-chars';

export type { Document, Element };

/** The document, or null when it is not well-formed enough to read. Recoverable errors are tolerated, as readers do. */
export function parseXml(source: string): Document | null {
  try {
    const doc = new DOMParser({ onError: () => undefined }).parseFromString(source, 'application/xml');
    return doc.documentElement ? doc : null;
  } catch {
    return null;
  }
}

export function childElements(parent: Element | Document, namespace: string, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(namespace, localName));
}

/** Trimmed text with runs of white space collapsed and the characters XML forbids dropped; null when empty. */
export function elementText(element: Element | undefined): string | null {
  const text = element?.textContent && withoutXmlForbidden(element.textContent).replace(/\s+/g, ' ').trim();
  return text ? text : null;
}
