/** The Offline transactions page: what the hub or the library system refused or took with a conflict, each with Mark handled. It renders the page machine's snapshot and sends it events. */
import type { Actor } from 'xstate';
import type { OfflineIssue } from '../../shared/api/offline-staff-schemas';
import type { RefusalCode } from '../../shared/circulation/codes';
import type { StaffMessageKey, StaffTranslate } from '../../shared/i18n/staff';
import { useSelector } from '../../shared/ui/use-selector';
import { formatTime } from '../shell/format-time';
import { useLanguage, useT } from '../shell/i18n-context';
import { PageShell } from '../shell/page-shell';
import type { OfflinePageEvent, OfflinePageMachine } from './offline-page-machine';
import './offline.css';

export type OfflinePageActor = Actor<OfflinePageMachine>;

/** Why, in words for staff, for what a replay can answer; any other code in the words the kiosk uses. */
const STAFF_WORDS: Partial<Record<RefusalCode, StaffMessageKey>> = {
  'card.unknown': 'admin.offline.why.cardUnknown',
  'item.unknown': 'admin.offline.why.itemUnknown',
  'item.notForLoan': 'admin.offline.why.notForLoan',
  'item.onLoanToOther': 'admin.offline.why.onLoanToOther',
  'item.reservedForOther': 'admin.offline.why.reservedForOther',
  'patron.blocked': 'admin.offline.why.patronBlocked',
  'patron.limitReached': 'admin.offline.why.limitReached',
};
const why = (code: RefusalCode, t: StaffTranslate) => t(STAFF_WORDS[code] ?? `code.${code}`);
type Send = (event: OfflinePageEvent) => void;

export function OfflinePage({ actor }: { actor: OfflinePageActor }) {
  const t = useT();
  const context = useSelector(actor, (snapshot) => snapshot.context);
  const state = useSelector(actor, (snapshot) => (snapshot.matches('loading') ? 'loading' : snapshot.matches('failed') ? 'failed' : snapshot.matches({ ready: 'idle' }) ? 'idle' : 'working'));
  const send: Send = (event) => actor.send(event);
  const ready = state === 'idle' || state === 'working';
  return (
    <PageShell
      className="offline-page"
      tall
      title={t('admin.offline.title')}
      notice={context.notice}
      load={{ state: ready ? 'ready' : state, error: context.loadError, onReload: () => send({ type: 'list.reload' }) }}
    >
      <p class="hint">{t('admin.offline.intro')}</p>
      {ready && (
        <>
          <div class="offline-toolbar">
            <p class="count">{t('admin.offline.count', { count: context.issues.length })}</p>
            <button type="button" class="button" disabled={state === 'working'} onClick={() => send({ type: 'list.reload' })}>
              {t('admin.offline.reload')}
            </button>
          </div>
          {context.issues.length === 0 ? (
            <p>{t('admin.offline.empty')}</p>
          ) : (
            <table class="record-table offline-table" aria-busy={state === 'working'}>
              <thead>
                <tr>
                  <th scope="col">{t('admin.offline.when')}</th>
                  <th scope="col">{t('admin.offline.kiosk')}</th>
                  <th scope="col">{t('admin.offline.card')}</th>
                  <th scope="col">{t('admin.offline.item')}</th>
                  <th scope="col">{t('admin.offline.what')}</th>
                  <th scope="col">{t('admin.offline.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {context.issues.map((issue) => (
                  <IssueRow key={issue.id} issue={issue} busy={state === 'working'} send={send} />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </PageShell>
  );
}

function IssueRow({ issue, busy, send }: { issue: OfflineIssue; busy: boolean; send: Send }) {
  const t = useT();
  const language = useLanguage();
  return (
    <tr data-testid={`offline-issue-${issue.id}`}>
      <td>{formatTime(issue.at, language)}</td>
      <td translate={false}>{issue.kioskName ?? issue.kioskId}</td>
      <td translate={false}>{issue.cardNumber ?? t('admin.offline.noCard')}</td>
      <td translate={false}>{issue.itemBarcode}</td>
      <td>
        <strong>{t(`admin.offline.type.${issue.type}`)}</strong>
        <span class="offline-what">
          {t(`admin.offline.outcome.${issue.outcome}`, { why: issue.code ? why(issue.code, t) : '' })}
        </span>
      </td>
      <td>
        <button
          type="button"
          class="button"
          disabled={busy}
          aria-label={t('admin.offline.handleNamed', { item: issue.itemBarcode })}
          onClick={() => send({ type: 'issue.handled', id: issue.id })}
        >
          {t('admin.offline.handle')}
        </button>
      </td>
    </tr>
  );
}
