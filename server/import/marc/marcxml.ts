/**
 * MARCXML (MARC 21 slim schema), in the LoC namespace, another prefix or none: every <record>, in document
 * order, as the same MarcRecord the binary reader gives. Never throws; a file that is not well-formed XML, or
 * has no record, is one problem.
 */
import type { Element } from '@xmldom/xmldom';
import { parseXml } from '../../ebooks/xml';
import type { MarcField, MarcReadResult } from './marc-record';

const children = (parent: Element, localName: string): Element[] =>
  Array.from(parent.childNodes).filter(
    (node): node is Element => node.nodeType === 1 && (node as Element).localName === localName,
  );

const text = (element: Element): string => (element.textContent ?? '').normalize('NFC');

/** One character, blank when the attribute is missing or empty (as MARC writes absent indicators). */
const indicator = (element: Element, name: string): string => (element.getAttribute(name) ?? ' ').padEnd(1, ' ').slice(0, 1);

function fieldsOf(record: Element): MarcField[] {
  const fields: MarcField[] = [];
  for (const node of Array.from(record.childNodes)) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const tag = element.getAttribute('tag') ?? '';
    if (element.localName === 'controlfield') fields.push({ tag, value: text(element) });
    if (element.localName === 'datafield') {
      fields.push({
        tag,
        ind1: indicator(element, 'ind1'),
        ind2: indicator(element, 'ind2'),
        subfields: children(element, 'subfield').map((s) => ({ code: s.getAttribute('code') ?? '', value: text(s) })),
      });
    }
  }
  return fields;
}

/** `offset` of each result is the line of its <record> element. */
export function readMarcXml(source: string): MarcReadResult[] {
  const doc = parseXml(source);
  const records = doc ? Array.from(doc.getElementsByTagNameNS('*', 'record')) : [];
  if (records.length === 0) {
    const detail = doc ? 'no <record> element' : 'not well-formed XML';
    return [{ ok: false, recordNumber: 1, offset: 0, problems: [{ code: 'marc.xml', detail }] }];
  }
  return records.map((record, index) => {
    const leader = children(record, 'leader')[0];
    return {
      ok: true,
      recordNumber: index + 1,
      offset: (record as Element & { lineNumber?: number }).lineNumber ?? 0,
      record: { leader: leader ? text(leader) : '', fields: fieldsOf(record) },
    };
  });
}
