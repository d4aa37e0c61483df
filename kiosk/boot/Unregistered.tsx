import type { Translate } from '../../shared/i18n';
import type { Notice } from '../session/notices';

/** Shown before any session exists, so it takes its translator from the boot screen, not the session. */
export function Unregistered({ t, notice, onRetry }: { t: Translate; notice: Notice; onRetry: () => void }) {
  return (
    <main class="screen screen-unregistered" data-screen="unregistered">
      <h1>{t('unregistered.title')}</h1>
      <p class="lead" role="alert">
        {t(notice.key, notice.params)}
      </p>
      <button type="button" class="button button-primary button-large" onClick={onRetry}>
        {t('action.retry')}
      </button>
    </main>
  );
}
