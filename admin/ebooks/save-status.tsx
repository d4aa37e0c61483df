/** A row's save outcome, announced politely: saving…, saved, or not saved with the hub's reason. */
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { useT } from '../shell/i18n-context';
import type { SaveStatus } from './ebooks-page-types';

interface SaveStatusLineProps {
  status: SaveStatus | undefined;
  /** What "saved" means here, when it is more than that (a category added). */
  savedKey?: StaffMessageKey;
}

export function SaveStatusLine({ status, savedKey = 'admin.save.saved' }: SaveStatusLineProps) {
  const t = useT();
  return (
    <span role="status" class={status?.state === 'failed' ? 'save-status failed' : 'save-status'}>
      {status?.state === 'saving' && t('admin.save.saving')}
      {status?.state === 'saved' && t(savedKey)}
      {status?.state === 'failed' && (
        <>
          <strong>{t('admin.save.failed')}</strong> {t(status.reason)}
        </>
      )}
    </span>
  );
}
