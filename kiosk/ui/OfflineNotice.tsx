import { useSession, useT } from '../session/use-session';
import { InfoIcon } from './icons';

/** Said calmly on every screen while the hub cannot be reached: what still works, by the kiosk's offline policy. */
export function OfflineNotice() {
  const t = useT();
  const hubOffline = useSession((snapshot) => snapshot.context.hubOffline);
  const policy = useSession((snapshot) => snapshot.context.config.offline);
  if (!hubOffline) return null;
  const key = policy.borrowing ? 'offline.noticeBorrowing' : policy.returnsQueued ? 'offline.notice' : 'offline.noticeClosed';
  return (
    <p class="offline-notice" role="status" data-testid="offline-notice">
      <InfoIcon />
      {t(key)}
    </p>
  );
}

/** A row done while the hub was down: in the outbox, confirmed when the hub is back. */
export function RecordedOffline() {
  const t = useT();
  return <p class="detail offline-recorded">{t('offline.recorded')}</p>;
}
