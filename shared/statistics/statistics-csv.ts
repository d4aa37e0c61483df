/**
 * The Statistics export, the same from the hub's route and the admin page's Export CSV: one row
 * per period and kiosk, with the stable English header of STATISTICS_CSV_COLUMNS. UTF-8 with a byte order mark, so Excel on Chinese Windows shows the
 * kiosks' Chinese names rather than mojibake; CRLF line ends as RFC 4180 has them.
 */
import { STATISTICS_CSV_COLUMNS, type StatisticsAnswer } from './schemas';

const BOM = '\uFEFF';

export function statisticsCsv(answer: StatisticsAnswer): string {
  const names = new Map(answer.kiosks.map((kiosk) => [kiosk.id, kiosk.name]));
  const lines = [STATISTICS_CSV_COLUMNS.join(',')];
  for (const row of answer.rows) {
    const kiosk = row.kiosk === null ? '' : (names.get(row.kiosk) ?? row.kiosk);
    const cells = [row.period, kiosk, row.loans, row.returns, row.renewals, row.refusals, row.ebookTickets, row.ebookDownloads, row.distinctPatrons];
    lines.push(cells.map((cell) => csvCell(String(cell))).join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

/**
 * One cell, quoted when it must be. A text a spreadsheet would run as a formula (starting with
 * =, +, -, @, a tab or a carriage return, as in `=cmd|' /C calc'!A0`) gets a leading apostrophe.
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
