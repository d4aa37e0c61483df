/** The search's page of patrons, each with a button that opens them, and the pages before and after. */
import type { PatronSearchPage } from '../../shared/patrons/schemas';
import { useT } from '../shell/i18n-context';
import type { Send } from './patrons-page';

export function PatronResults({ results, send }: { results: PatronSearchPage; send: Send }) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(results.total / results.pageSize));
  if (results.patrons.length === 0) return <p role="status">{t('admin.patrons.none')}</p>;
  return (
    <section aria-labelledby="patron-results-title">
      <h2 id="patron-results-title">{t('admin.patrons.results', { total: String(results.total) })}</h2>
      <table class="record-table patrons-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.patrons.cardNumber')}</th>
            <th scope="col">{t('admin.patrons.name')}</th>
            <th scope="col">{t('admin.patrons.expiresOn')}</th>
            <th scope="col">{t('admin.patrons.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {results.patrons.map((patron) => (
            <tr key={patron.cardNumber}>
              <th scope="row" translate={false}>
                {patron.cardNumber}
              </th>
              <td translate={false}>{patron.fullName === patron.displayName ? patron.fullName : `${patron.fullName}（${patron.displayName}）`}</td>
              <td>{patron.expiresOn}</td>
              <td>
                <button
                  type="button"
                  class="button"
                  aria-label={t('admin.patrons.openNamed', { name: patron.fullName, card: patron.cardNumber })}
                  onClick={() => send({ type: 'patron.opened', cardNumber: patron.cardNumber })}
                >
                  {t('admin.patrons.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav class="pager" aria-label={t('admin.patrons.pageOf', { page: String(results.page), pages: String(pages) })}>
          <button type="button" class="button" disabled={results.page <= 1} onClick={() => send({ type: 'search.pageChosen', page: results.page - 1 })}>
            {t('admin.patrons.previous')}
          </button>
          <span>{t('admin.patrons.pageOf', { page: String(results.page), pages: String(pages) })}</span>
          <button type="button" class="button" disabled={results.page >= pages} onClick={() => send({ type: 'search.pageChosen', page: results.page + 1 })}>
            {t('admin.patrons.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
