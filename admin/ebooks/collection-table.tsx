/** Every title in the collection, filtered by title or author; each row saves its changes at once. */
import type { EbookCategory } from '../../shared/ebooks/schemas';
import type { StaffEbook } from '../../shared/ebooks/staff-schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { useT } from '../shell/i18n-context';
import { LoadState } from '../shell/page-shell';
import { MAX_ROWS, visibleEbooks } from './collection-view';
import { EbookRow } from './ebook-row';
import type { SendEvent } from './ebooks-page';
import type { EbooksPageContext } from './ebooks-page-machine';
import type { PendingChange } from './ebooks-page-types';

interface CollectionTableProps {
  listState: 'loading' | 'ready' | 'failed';
  loadError: StaffMessageKey | null;
  ebooks: StaffEbook[];
  pending: PendingChange[];
  categories: EbookCategory[];
  filter: string;
  rowStatus: EbooksPageContext['rowStatus'];
  send: SendEvent;
}

export function CollectionTable({ listState, loadError, ebooks, pending, categories, filter, rowStatus, send }: CollectionTableProps) {
  const t = useT();
  const { matching, rows } = visibleEbooks(ebooks, pending, filter);

  return (
    <section class="panel" aria-labelledby="collection-title">
      <div class="section-head">
        <h2 id="collection-title">{t('admin.list.title')}</h2>
        <span class="count">{t('admin.list.count', { count: ebooks.length })}</span>
        <label class="filter">
          {t('admin.list.filter')}
          <input type="search" value={filter} onInput={(event) => send({ type: 'filter.changed', filter: event.currentTarget.value })} />
        </label>
      </div>
      <LoadState load={{ state: listState, error: loadError ?? 'code.internal', onReload: () => send({ type: 'list.reload' }), loading: 'admin.ebooks.loading' }} />
      {listState === 'ready' && ebooks.length === 0 && <p>{t('admin.list.empty')}</p>}
      {ebooks.length > 0 && matching === 0 && <p>{t('admin.list.noMatch')}</p>}
      {rows.length > 0 && (
        <table class="collection">
          <thead>
            <tr>
              <th scope="col">{t('admin.list.cover')}</th>
              <th scope="col">{t('admin.list.book')}</th>
              <th scope="col">{t('admin.list.format')}</th>
              <th scope="col" class="num">
                {t('admin.list.size')}
              </th>
              <th scope="col" class="num">
                {t('admin.list.downloads')}
              </th>
              <th scope="col">{t('admin.list.access')}</th>
              <th scope="col" class="categories">
                {t('admin.list.categories')}
              </th>
              <th scope="col">{t('admin.list.state')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((ebook) => (
              <EbookRow key={ebook.id} ebook={ebook} categories={categories} status={rowStatus[ebook.id]} send={send} />
            ))}
          </tbody>
        </table>
      )}
      {matching > MAX_ROWS && <p class="truncated">{t('admin.list.truncated', { shown: MAX_ROWS })}</p>}
    </section>
  );
}
