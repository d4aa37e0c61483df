import type { Translate } from '../../shared/i18n';
import type { Notice } from '../session/notices';

interface UnregisteredProps {
  t: Translate;
  notice: Notice;
  onRetry: () => void;
  /** Offered when the hub does not know this kiosk: staff pair it again from here. */
  onPair?: () => void;
}

/** Shown before any session exists, so it takes its translator from the boot screen, not the session. */
export function Unregistered({ t, notice, onRetry, onPair }: UnregisteredProps) {
  return (
    <main class="screen screen-unregistered" data-screen="unregistered">
      <h1>{t('unregistered.title')}</h1>
      <p class="lead" role="alert">
        {t(notice.key, notice.params)}
      </p>
      <div class="big-actions">
        {onPair && (
          <button type="button" class="button button-secondary button-large" onClick={onPair}>
            {t('pairing.start')}
          </button>
        )}
        <button type="button" class="button button-primary button-large" onClick={onRetry}>
          {t('action.retry')}
        </button>
      </div>
    </main>
  );
}
