/**
 * The catalogue import (issue 12): 100,000 items from CSV under 10 s, 100,000 binary MARC records under 30 s,
 * each read, checked and stored in one transaction exactly as the import routes do (server/import); MARCXML,
 * which goes through xmldom, is measured too and reported apart (no budget: docs/import.md). Patron PINs are
 * timed on a sample, since scrypt is the cost of a patron import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ScanRules } from '../../shared/barcodes';
import { migrate } from '../../server/db/database';
import { hashPatronPins } from '../../server/import/patron-pins';
import { readImport } from '../../server/import/read-import';
import { storeItems } from '../../server/import/store-import';

const ITEMS = Number(process.env.BENCH_IMPORT_ITEMS ?? 100_000);
const XML_RECORDS = Number(process.env.BENCH_IMPORT_XML ?? 20_000);
const CSV_BUDGET_MS = 10_000;
const MARC_BUDGET_MS = 30_000;
const RULES: ScanRules = {
  card: { minLength: 8, maxLength: 8, charset: 'digits', checkDigit: 'none' },
  item: { minLength: 8, maxLength: 8, prefixes: ['NJ'], charset: 'alphanumeric', checkDigit: 'none' },
};
const MARC_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'testdata', 'marc');

function itemsCsv(count: number): Buffer {
  const rows = ['barcode,title,authors,isbn,call_number,publisher,year,language,location,loanable'];
  for (let i = 0; i < count; i++) {
    rows.push(`NJ${String(i).padStart(6, '0')},"平凡的世界 第${i}部","路遥",9787530216781,I247.57/${i},北京十月文艺出版社,2012,chi,农家书屋,是`);
  }
  return Buffer.from(`${rows.join('\r\n')}\r\n`);
}

async function timed(label: string, bytes: Buffer, format: 'csv' | 'marc', budgetMs: number | null): Promise<boolean> {
  const db = new Database(':memory:');
  migrate(db);
  const started = performance.now();
  const read = await readImport(bytes, { kind: 'items', format, rules: RULES, barcodeStart: 'NJ000000' });
  if (!read.ok || read.kind !== 'items') throw new Error(`${label}: refused ${JSON.stringify(read)}`);
  if (read.problems.length > 0) throw new Error(`${label}: ${read.problems.length} problems, first ${JSON.stringify(read.problems[0])}`);
  const readMs = performance.now() - started;
  const counts = storeItems(db, read.items);
  const totalMs = performance.now() - started;
  db.close();
  const ok = budgetMs === null || totalMs <= budgetMs;
  console.log(
    `${label}: ${read.items.length.toLocaleString('en')} items (${(bytes.length / 1024 ** 2).toFixed(1)} MB) in ${(totalMs / 1000).toFixed(2)} s ` +
      `(read and check ${(readMs / 1000).toFixed(2)} s, store ${((totalMs - readMs) / 1000).toFixed(2)} s; added ${counts.added})` +
      (budgetMs === null ? '' : ` — budget ${budgetMs / 1000} s: ${ok ? 'ok' : 'OVER'}`),
  );
  return ok;
}

/** `count` copies of one real record (no holdings field: barcodes come from the start number). */
function repeatedMrc(count: number): Buffer {
  const record = readFileSync(join(MARC_DIR, 'zh_marc4j_oclc_63111280_export_as_UTF8_from_connexion.mrc'));
  return Buffer.concat(Array.from({ length: count }, () => record));
}

function repeatedXml(count: number): Buffer {
  const xml = readFileSync(join(MARC_DIR, 'en_marc4j_summerland.xml'), 'utf8');
  const record = /<record>[\s\S]*<\/record>/.exec(xml)![0];
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><collection xmlns="http://www.loc.gov/MARC21/slim">${record.repeat(count)}</collection>`);
}

let ok = await timed('CSV', itemsCsv(ITEMS), 'csv', CSV_BUDGET_MS);
ok = (await timed('binary MARC 21 (UTF-8)', repeatedMrc(ITEMS), 'marc', MARC_BUDGET_MS)) && ok;
await timed(`MARCXML (${XML_RECORDS.toLocaleString('en')} records, no budget)`, repeatedXml(XML_RECORDS), 'marc', null);

const sample = Array.from({ length: 256 }, (_, i) => ({ cardNumber: String(20150000 + i), name: 'x', pin: '4826', hasPin: true, expiresOn: '2028-01-01', category: null }));
const pinStarted = performance.now();
await hashPatronPins(sample);
const perPin = (performance.now() - pinStarted) / sample.length;
console.log(`patron PINs: ${perPin.toFixed(1)} ms each over libuv's pool: 100,000 initial PINs would take about ${((perPin * 100_000) / 1000).toFixed(0)} s`);
process.exit(ok ? 0 : 1);
