import { formatDate } from '../../shared/i18n';
import { shallowEqual } from '../../shared/ui/shallow-equal';
import { BlockList } from '../home/BlockList';
import { CameraPanel } from '../scanning/camera/CameraPanel';
import type { ScanRow } from '../session/session-types';
import { useLanguage, useSession, useT } from '../session/use-session';
import { ItemTitle } from '../ui/ItemTitle';
import { NoticeText } from '../ui/NoticeText';
import { IlsWordsText } from '../ui/IlsWordsText';
import { RefusalText } from '../ui/RefusalText';
import { SessionNav } from '../ui/SessionNav';
import { RecordedOffline } from '../ui/OfflineNotice';
import { StatusLine } from '../ui/StatusLine';

export function Borrow() {
  const t = useT();
  const rows = useSession((snapshot) => snapshot.context.borrowed);
  const notice = useSession((snapshot) => snapshot.context.notice);
  // `?? []` is a new array each time: compared element by element.
  const blocks = useSession((snapshot) => snapshot.context.patron?.blocks ?? [], shallowEqual);
  return (
    <section class="scan-screen">
      <div class="scan-screen-main">
        <h1>{t('borrow.title')}</h1>
        <BlockList blocks={blocks} />
        <NoticeText notice={notice} tone="info" />
        <CameraPanel guide="item" />
        {rows.length === 0 && <p class="lead">{t('borrow.empty')}</p>}
        <ol class="rows" aria-live="polite">
          {[...rows].reverse().map((row) => (
            <BorrowRow key={row.id} row={row} />
          ))}
        </ol>
      </div>
      <SessionNav current="borrow" />
    </section>
  );
}

function BorrowRow({ row }: { row: ScanRow }) {
  const t = useT();
  const language = useLanguage();
  return (
    <li class={`row row-${row.status}`} data-testid="borrow-row" data-status={row.status} data-barcode={row.barcode}>
      <ItemTitle item={row.item} barcode={row.barcode} />
      {row.status === 'pending' && <StatusLine status="pending">{t('scan.checking')}</StatusLine>}
      {row.status === 'ok' && (
        <StatusLine status="ok">
          {t('borrow.ok')} · {row.dueAt && t('item.due', { date: formatDate(language, row.dueAt) })}
        </StatusLine>
      )}
      {row.status === 'ok' && <IlsWordsText words={row.ilsWords} />}
      {row.status === 'ok' && row.offline && <RecordedOffline />}
      {row.refusal && (
        <>
          <StatusLine status="refused">{t('borrow.refused')}</StatusLine>
          <RefusalText refusal={row.refusal} />
        </>
      )}
    </li>
  );
}
