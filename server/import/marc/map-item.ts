/**
 * A MARC record as the embedded library's item: what the catalogue import stores. MARC 21 and UNIMARC/CNMARC
 * differ only in which fields say what (docs/marc-import.md lists them and the choices made here).
 */
import { parseIsbn } from '../../../shared/barcodes/isbn';
import { controlField, dataFields, subfield, type MarcDataField, type MarcRecord } from './marc-record';
import type { MarcFormat } from './decode-record';

export interface MarcItem {
  readonly title: string | null;
  readonly authors: readonly string[];
  /** ISBN-13, converted from ISBN-10 where the record has only that. */
  readonly isbn: string | null;
  readonly callNumber: string | null;
  readonly publisher: string | null;
  /** Four digits. */
  readonly year: string | null;
  /** MARC language code (ISO 639-2/B), e.g. `chi`, `eng`. */
  readonly language: string | null;
  /** From the holdings field, one per copy; empty when the record has none. */
  readonly barcodes: readonly string[];
}

export interface HoldingsBarcode {
  readonly tag: string;
  readonly code: string;
}

/** Koha exports items in 952, barcode in $p. */
export const MARC21_BARCODE: HoldingsBarcode = { tag: '952', code: 'p' };
/** Chinese systems (Interlib, ILAS, Huiwen…) export copies in the local 905 field, barcode (登录号/条码) in $b. */
export const CNMARC_BARCODE: HoldingsBarcode = { tag: '905', code: 'b' };

export interface MapOptions {
  readonly format?: MarcFormat;
  readonly barcode?: HoldingsBarcode;
}

/** UNIMARC when the record has a 200 field and no 245 (the same rule the binary reader uses). */
export function recordFormat(record: MarcRecord): MarcFormat {
  const has = (tag: string) => record.fields.some((field) => field.tag === tag);
  return has('200') && !has('245') ? 'unimarc' : 'marc21';
}

export function mapMarcItem(record: MarcRecord, options: MapOptions = {}): MarcItem {
  const format = options.format ?? recordFormat(record);
  return format === 'unimarc'
    ? mapUnimarc(record, options.barcode ?? CNMARC_BARCODE)
    : mapMarc21(record, options.barcode ?? MARC21_BARCODE);
}

/** Controls (MARC-8 non-sort markers U+0098/U+009C among them) out, runs of white space as one space. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Without the ISBD punctuation that ends a MARC subfield (` /`, ` :`, ` ;`, ` =`, `,`, `.`). A period after a
 * single capital stays: it ends an initial ("Gilmour, John S.").
 */
export function stripIsbdEnd(text: string): string {
  let out = clean(text);
  for (;;) {
    const next = out.replace(/\s*[/:;=,]$/, '').replace(/(?<!(?:^|[\s.])\p{Lu}|\.)\.$/u, '').trimEnd();
    if (next === out) return out;
    out = next;
  }
}

const nonEmpty = (text: string | null): string | null => (text === null || text === '' ? null : text);

function firstIsbn(values: readonly (string | null)[]): string | null {
  for (const value of values) {
    const candidate = value?.match(/[0-9][0-9Xx\- ]{8,16}[0-9Xx]/)?.[0];
    const isbn = candidate ? parseIsbn(candidate) : null;
    if (isbn) return isbn;
  }
  return null;
}

const yearIn = (text: string | null | undefined): string | null => text?.match(/\d{4}/)?.[0] ?? null;

function barcodesOf(record: MarcRecord, holdings: HoldingsBarcode): string[] {
  const barcodes = dataFields(record, holdings.tag).flatMap((field) =>
    field.subfields.filter((s) => s.code === holdings.code).map((s) => clean(s.value)),
  );
  return [...new Set(barcodes.filter((barcode) => barcode !== ''))];
}

// --- MARC 21 ---

/**
 * The 880 field holding `field` in its original script: `245 $6 880-01` pairs with `880 $6 245-01/$1`.
 * Occurrence 00 means "no linked field" and pairs with nothing.
 */
function originalScript(record: MarcRecord, field: MarcDataField): MarcDataField {
  const link = subfield(field, '6')?.match(/^880-(\d{2})/)?.[1];
  if (!link || link === '00') return field;
  const linked = dataFields(record, '880').find((candidate) =>
    subfield(candidate, '6')?.startsWith(`${field.tag}-${link}`),
  );
  return linked ?? field;
}

function preferred(record: MarcRecord, tag: string): MarcDataField[] {
  return dataFields(record, tag).map((field) => originalScript(record, field));
}

function joined(field: MarcDataField, codes: string): string {
  return clean(field.subfields.filter((s) => codes.includes(s.code)).map((s) => s.value).join(' '));
}

/** CLC (中图法) in 084: said by `$2 clc`, or a letter class with digits when 084 names no scheme. */
function isClc(field: MarcDataField): boolean {
  const scheme = subfield(field, '2');
  if (scheme !== null) return /^clc/i.test(scheme.trim());
  return /^[A-Z]{1,2}\d/.test(subfield(field, 'a') ?? '');
}

/** Chinese libraries shelve by CLC, so a CLC class in 084 comes first; then LC (050), local (090), other 084. */
function marc21CallNumber(record: MarcRecord): string | null {
  const classifications = dataFields(record, '084');
  const candidates = [
    ...classifications.filter(isClc),
    ...dataFields(record, '050'),
    ...dataFields(record, '090'),
    ...classifications.filter((field) => !isClc(field)),
  ];
  for (const field of candidates) {
    const callNumber = nonEmpty(joined(field, 'ab'));
    if (callNumber) return callNumber;
  }
  return null;
}

function marc21Language(record: MarcRecord): string | null {
  const fromFixed = controlField(record, '008')?.slice(35, 38) ?? '';
  if (/^[a-z]{3}$/.test(fromFixed) && fromFixed !== 'und' && fromFixed !== 'zxx') return fromFixed;
  const from041 = dataFields(record, '041').map((field) => subfield(field, 'a')?.trim().slice(0, 3) ?? '')[0];
  return from041 && /^[a-z]{3}$/.test(from041) ? from041 : null;
}

function mapMarc21(record: MarcRecord, holdings: HoldingsBarcode): MarcItem {
  const title = preferred(record, '245')[0];
  const names = ['100', '110', '700', '710'].flatMap((tag) => preferred(record, tag));
  const imprint = [...preferred(record, '260'), ...preferred(record, '264').sort((a, b) => Number(b.ind2 === '1') - Number(a.ind2 === '1'))];
  const publisher = imprint.map((field) => subfield(field, 'b')).find((b) => b !== null) ?? null;
  const yearFrom008 = controlField(record, '008')?.slice(7, 11);
  return {
    title: title ? nonEmpty(stripIsbdEnd(joined(title, 'ab'))) : null,
    authors: [...new Set(names.map((field) => stripIsbdEnd(subfield(field, 'a') ?? '')).filter((name) => name !== ''))],
    isbn: firstIsbn(dataFields(record, '020').map((field) => subfield(field, 'a'))),
    callNumber: marc21CallNumber(record),
    publisher: publisher === null ? null : nonEmpty(stripIsbdEnd(publisher)),
    year: yearIn(imprint.map((field) => subfield(field, 'c')).find((c) => c !== null)) ?? (yearFrom008 && /^\d{4}$/.test(yearFrom008) ? yearFrom008 : null),
    language: marc21Language(record),
    barcodes: barcodesOf(record, holdings),
  };
}

// --- UNIMARC / CNMARC ---

/** `$a Asimov $b , Isaac` or `$a 鲁迅`: UNIMARC keeps the comma in $b when the record has one. */
function unimarcName(field: MarcDataField): string {
  const a = clean(subfield(field, 'a') ?? '');
  const b = clean(subfield(field, 'b') ?? '');
  if (b === '') return stripIsbdEnd(a);
  return stripIsbdEnd(/^[,，]/.test(b) ? `${a}${b}` : `${a}, ${b}`);
}

function mapUnimarc(record: MarcRecord, holdings: HoldingsBarcode): MarcItem {
  const title = dataFields(record, '200')[0];
  const titleText = title ? [subfield(title, 'a'), subfield(title, 'e')].filter((part) => part !== null).map((part) => stripIsbdEnd(part)).join(' : ') : '';
  const names = ['700', '701', '702', '710', '711', '712'].flatMap((tag) => dataFields(record, tag));
  const publication = dataFields(record, '210')[0];
  const callNumber = dataFields(record, '690').map((field) => clean(subfield(field, 'a') ?? '')).find((a) => a !== '');
  const language = dataFields(record, '101').map((field) => subfield(field, 'a')?.trim() ?? '')[0];
  const dateFrom100 = dataFields(record, '100').map((field) => subfield(field, 'a')?.slice(9, 13) ?? '')[0];
  return {
    title: nonEmpty(titleText),
    authors: [...new Set(names.map(unimarcName).filter((name) => name !== ''))],
    isbn: firstIsbn(dataFields(record, '010').map((field) => subfield(field, 'a'))),
    callNumber: callNumber ?? null,
    publisher: publication ? nonEmpty(stripIsbdEnd(subfield(publication, 'c') ?? '')) : null,
    year: yearIn(publication ? subfield(publication, 'd') : null) ?? (dateFrom100 && /^\d{4}$/.test(dateFrom100) ? dateFrom100 : null),
    language: language && /^[a-z]{3}$/.test(language) ? language : null,
    barcodes: barcodesOf(record, holdings),
  };
}
