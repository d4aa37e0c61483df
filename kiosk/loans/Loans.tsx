import { formatDate } from '../../shared/i18n';
import type { LoanRow } from '../session/session-types';
import { useLanguage, useSend, useSession, useT } from '../session/use-session';
import { Button } from '../ui/Button';
import { ItemTitle } from '../ui/ItemTitle';
import { NoticeText } from '../ui/NoticeText';
import { IlsWordsText } from '../ui/IlsWordsText';
import { RefusalText } from '../ui/RefusalText';
import { SessionNav } from '../ui/SessionNav';
import { StatusLine } from '../ui/StatusLine';
import { WarningIcon } from '../ui/icons';

export function Loans() {
  const t = useT();
  const send = useSend();
  const rows = useSession((snapshot) => snapshot.context.loans);
  const notice = useSession((snapshot) => snapshot.context.notice);
  const phase = useSession((snapshot) =>
    snapshot.matches({ flow: { loans: 'loading' } })
      ? 'loading'
      : snapshot.matches({ flow: { loans: 'failed' } })
        ? 'failed'
        : snapshot.matches({ flow: { loans: 'renewing' } })
          ? 'renewing'
          : 'ready',
  );
  return (
    <section class="scan-screen">
      <div class="scan-screen-main">
        <h1>{t('loans.title')}</h1>
        {phase === 'loading' && <p class="lead" aria-live="polite">{t('loans.loading')}</p>}
        <NoticeText notice={notice} />
        {phase === 'failed' && <Button onClick={() => send({ type: 'loans.retried' })}>{t('action.retry')}</Button>}
        {(phase === 'ready' || phase === 'renewing') && rows.length === 0 && <p class="lead">{t('loans.empty')}</p>}
        {rows.length > 0 && (
          <>
            <Button variant="primary" disabled={phase !== 'ready'} onClick={() => send({ type: 'renewAll.requested' })}>
              {t('loans.renewAll')}
            </Button>
            <ol class="rows" aria-live="polite">
              {rows.map((row) => (
                <LoanRowView key={row.loan.item.barcode} row={row} canRenew={phase === 'ready'} />
              ))}
            </ol>
          </>
        )}
      </div>
      <SessionNav current="loans" />
    </section>
  );
}

function LoanRowView({ row, canRenew }: { row: LoanRow; canRenew: boolean }) {
  const t = useT();
  const send = useSend();
  const language = useLanguage();
  const { loan } = row;
  return (
    <li
      class={`row row-${row.status} ${loan.overdue ? 'row-overdue' : ''}`}
      data-testid="loan-row"
      data-status={row.status}
      data-barcode={loan.item.barcode}
      data-renewed={row.renewed}
    >
      <ItemTitle item={loan.item} barcode={loan.item.barcode} />
      <p class="due">
        {t('item.due', { date: formatDate(language, loan.dueAt) })}
        {loan.overdue && (
          <span class="badge badge-overdue">
            <WarningIcon />
            {t('loans.overdue')}
          </span>
        )}
      </p>
      {row.status === 'pending' && <StatusLine status="pending">{t('scan.checking')}</StatusLine>}
      {row.status === 'ok' && row.renewed && <StatusLine status="ok">{t('loans.renewed')}</StatusLine>}
      {row.ilsWords && <IlsWordsText words={row.ilsWords} />}
      {row.refusal && (
        <>
          <StatusLine status="refused">{t('loans.refused')}</StatusLine>
          <RefusalText refusal={row.refusal} />
        </>
      )}
      <Button disabled={!canRenew} onClick={() => send({ type: 'renew.requested', barcode: loan.item.barcode })}>
        {t('action.renew')}
      </Button>
    </li>
  );
}
