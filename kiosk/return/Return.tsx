import { CameraPanel } from '../scanning/camera/CameraPanel';
import type { ScanRow } from '../session/session-types';
import { useSession, useT } from '../session/use-session';
import { ItemTitle } from '../ui/ItemTitle';
import { NoticeText } from '../ui/NoticeText';
import { IlsWordsText } from '../ui/IlsWordsText';
import { RefusalText } from '../ui/RefusalText';
import { SessionNav } from '../ui/SessionNav';
import { RecordedOffline } from '../ui/OfflineNotice';
import { StatusLine } from '../ui/StatusLine';

export function Return() {
  const t = useT();
  const rows = useSession((snapshot) => snapshot.context.returned);
  const notice = useSession((snapshot) => snapshot.context.notice);
  const signedIn = useSession((snapshot) => snapshot.context.patron !== null || snapshot.context.offlineCard);
  return (
    <section class="scan-screen">
      <div class="scan-screen-main">
        <h1>{t('return.title')}</h1>
        <NoticeText notice={notice} tone="info" />
        <CameraPanel guide="item" />
        {rows.length === 0 && <p class="lead">{t('return.empty')}</p>}
        <ol class="rows" aria-live="polite">
          {[...rows].reverse().map((row) => (
            <ReturnRow key={row.id} row={row} />
          ))}
        </ol>
      </div>
      <SessionNav current="return" signedIn={signedIn} />
    </section>
  );
}

function ReturnRow({ row }: { row: ScanRow }) {
  const t = useT();
  return (
    <li class={`row row-${row.status}`} data-testid="return-row" data-status={row.status} data-barcode={row.barcode}>
      <ItemTitle item={row.item} barcode={row.barcode} />
      {row.status === 'pending' && <StatusLine status="pending">{t('scan.checking')}</StatusLine>}
      {row.disposition && (
        <>
          <StatusLine status="ok">{t(`disposition.${row.disposition}`)}</StatusLine>
          {row.sortBin && <p class="detail">{t('return.sortBin', { bin: row.sortBin })}</p>}
          {row.wasOverdue && <p class="detail">{t('return.wasOverdue')}</p>}
          <IlsWordsText words={row.ilsWords} />
          {row.offline && <RecordedOffline />}
        </>
      )}
      {row.refusal && (
        <>
          <StatusLine status="refused">{t('return.refused')}</StatusLine>
          <RefusalText refusal={row.refusal} />
        </>
      )}
    </li>
  );
}
