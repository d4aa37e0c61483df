/** The Audit log page: filters, the entries newest first, and pages. It renders the page machine's snapshot and sends it events. */
import type { Actor } from 'xstate';
import { AUDIT_ACTIONS, type AuditAction } from '../../shared/api/staff-schemas';
import { useSelector } from '../../shared/ui/use-selector';
import { formatTime } from '../shell/format-time';
import { useLanguage, useT } from '../shell/i18n-context';
import { Notice, PageShell, refused } from '../shell/page-shell';
import type { AuditFilters } from './audit-filters';
import type { AuditPageMachine } from './audit-page-machine';
import '../staff/staff.css';

export type AuditPageActor = Actor<AuditPageMachine>;

const actionLabel = (action: AuditAction) => `audit.action.${action}` as const;

export function AuditPage({ actor }: { actor: AuditPageActor }) {
  const t = useT();
  const language = useLanguage();
  const { filters, result, error, page } = useSelector(actor, (snapshot) => snapshot.context);
  const loading = useSelector(actor, (snapshot) => snapshot.matches('loading'));
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;

  function apply(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: keyof AuditFilters) => String(form.get(name) ?? '');
    actor.send({ type: 'filters.applied', filters: { username: field('username'), action: field('action') as AuditFilters['action'], from: field('from'), to: field('to') } });
  }

  return (
    <PageShell className="audit-page" tall title={t('admin.audit.title')}>
      {/* Keyed by the filters, so "clear" empties the fields too. */}
      <form key={JSON.stringify(filters)} class="audit-filters" aria-label={t('admin.audit.filters')} onSubmit={apply}>
        <label>
          {t('admin.audit.who')}
          <input name="username" defaultValue={filters.username} autocomplete="off" spellcheck={false} />
        </label>
        <label>
          {t('admin.audit.action')}
          <select name="action">
            <option value="" selected={filters.action === ''}>
              {t('admin.audit.anyAction')}
            </option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action} selected={filters.action === action}>
                {t(actionLabel(action))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.audit.from')}
          <input name="from" type="date" defaultValue={filters.from} />
        </label>
        <label>
          {t('admin.audit.to')}
          <input name="to" type="date" defaultValue={filters.to} />
        </label>
        <button type="submit" class="button primary">
          {t('admin.audit.apply')}
        </button>
        <button type="button" class="button" onClick={() => actor.send({ type: 'filters.cleared' })}>
          {t('admin.audit.clear')}
        </button>
      </form>
      <Notice notice={refused(error)} />
      {loading && !result && <p role="status">{t('admin.audit.loading')}</p>}
      {result && (
        <>
          <p class="count" role="status">
            {t('admin.audit.count', { total: result.total })}
          </p>
          {result.entries.length === 0 ? (
            <p>{t('admin.audit.empty')}</p>
          ) : (
            <table class="record-table audit-table" aria-busy={loading}>
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.when')}</th>
                  <th scope="col">{t('admin.audit.who')}</th>
                  <th scope="col">{t('admin.audit.action')}</th>
                  <th scope="col">{t('admin.audit.target')}</th>
                  <th scope="col">{t('admin.audit.address')}</th>
                </tr>
              </thead>
              <tbody>
                {result.entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatTime(entry.at, language)}</td>
                    <td translate={false}>{entry.username}</td>
                    <td>{t(actionLabel(entry.action))}</td>
                    <td translate={false}>{entry.target ?? ''}</td>
                    <td class="address">{entry.address}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <nav class="audit-pager" aria-label={t('admin.audit.page', { page, pages })}>
            <button type="button" class="button" disabled={page <= 1 || loading} onClick={() => actor.send({ type: 'page.chosen', page: page - 1 })}>
              {t('admin.audit.previous')}
            </button>
            <span>{t('admin.audit.page', { page, pages })}</span>
            <button type="button" class="button" disabled={page >= pages || loading} onClick={() => actor.send({ type: 'page.chosen', page: page + 1 })}>
              {t('admin.audit.next')}
            </button>
          </nav>
        </>
      )}
    </PageShell>
  );
}
