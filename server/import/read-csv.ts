/**
 * CSV rows with their line numbers (csv-parse). The header row names the columns; every other row becomes a
 * record of those columns. Cells are kept as text, exactly: a cell like `=cmd|' /C calc'!A0` is a title,
 * never a formula (the hub evaluates nothing, and stores what it read).
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { ImportProblem } from '../../shared/import/schemas';

export interface CsvRow {
  /** The file's line the row starts on, the header being line 1. */
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

export type CsvReadResult =
  | { ok: true; rows: CsvRow[]; problems: ImportProblem[] }
  | { ok: false; refusal: 'import.header' | 'import.empty'; missing: string[] };

/** Column names compared without case, blanks and a BOM; `required` must all be there. */
export function readCsv(text: string, columns: readonly string[], required: readonly string[]): CsvReadResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // One line ending for csv-parse: its line count is off for CR LF inside quoted cells and mixed endings.
    records = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // Nothing after a broken quote can be trusted: the file is reported at the line csv-parse names.
    const line = Number(/at line (\d+)/.exec(error.message)?.[1] ?? (error as CsvError & { lines?: number }).lines ?? 0);
    return { ok: true, rows: [], problems: [{ at: line, code: 'import.csv', value: error.code }] };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, refusal: 'import.empty', missing: [] };
  const names = header.record.map((name) => name.replace(/^\ufeff/, '').trim().toLowerCase());
  const missing = required.filter((column) => !names.includes(column));
  if (missing.length > 0) return { ok: false, refusal: 'import.header', missing };
  const index = columns.map((column) => [column, names.indexOf(column)] as const).filter(([, at]) => at >= 0);
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  for (const { record, info } of body) {
    // info.lines is the line the record ends on; a quoted cell may span lines, so count them back.
    const line = info.lines - newlinesIn(record);
    if (record.length !== names.length) problems.push({ at: line, code: 'import.csv', value: `${record.length}/${names.length}` });
    const cells: Record<string, string> = {};
    for (const [column, at] of index) cells[column] = (record[at] ?? '').trim();
    rows.push({ line, cells });
  }
  if (rows.length === 0 && problems.length === 0) return { ok: false, refusal: 'import.empty', missing: [] };
  return { ok: true, rows, problems };
}

function newlinesIn(record: readonly string[]): number {
  let count = 0;
  for (const cell of record) for (const char of cell) if (char === '\n') count++;
  return count;
}
