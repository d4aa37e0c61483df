/** The first rows as the hub will store them: items with their columns, patrons without their PINs. */
import type { ImportedItem, ImportedPatronPreview, ImportJob } from '../../shared/import/schemas';
import { useT } from '../shell/i18n-context';

const ITEM_COLUMNS = ['barcode', 'title', 'authors', 'isbn', 'callNumber', 'publisher', 'year', 'language', 'location', 'loanable'] as const;
const PATRON_COLUMNS = ['cardNumber', 'name', 'pin', 'expiresOn', 'category'] as const;

export function ImportPreview({ job }: { job: ImportJob }) {
  const t = useT();
  if (job.preview.length === 0) return null;
  const columns = job.kind === 'items' ? ITEM_COLUMNS : PATRON_COLUMNS;
  const cell = (row: ImportedItem | ImportedPatronPreview, column: (typeof columns)[number]): string => {
    if (column === 'loanable') return t((row as ImportedItem).loanable ? 'admin.import.yes' : 'admin.import.no');
    if (column === 'pin') return t((row as ImportedPatronPreview).hasPin ? 'admin.import.pinSet' : 'admin.import.pinNone');
    return String((row as unknown as Record<string, string | null>)[column] ?? '');
  };
  return (
    <section class="import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{t('admin.import.preview', { count: job.preview.length })}</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {t(`admin.import.col.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(job.preview as Array<ImportedItem | ImportedPatronPreview>).map((row, i) => (
              <tr key={i}>
                {columns.map((column) => (
                  <td key={column}>{cell(row, column)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
