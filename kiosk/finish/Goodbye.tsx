import { useSend, useSession, useT } from '../session/use-session';
import { Button } from '../ui/Button';

/** The session's summary; a tap anywhere (or the button, by keyboard) goes back to attract early. */
export function Goodbye() {
  const t = useT();
  const send = useSend();
  const summary = useSession((snapshot) => snapshot.context.summary);
  const dismiss = () => send({ type: 'goodbye.dismissed' });
  return (
    <section class="goodbye" onClick={dismiss}>
      <h1>{t('goodbye.title')}</h1>
      {summary && (
        <ul class="summary" aria-live="polite">
          {summary.borrowed > 0 && <li>{t('goodbye.borrowed', { count: summary.borrowed })}</li>}
          {summary.returned > 0 && <li>{t('goodbye.returned', { count: summary.returned })}</li>}
          {summary.renewed > 0 && <li>{t('goodbye.renewed', { count: summary.renewed })}</li>}
        </ul>
      )}
      {summary?.sessionExpired && <p class="notice notice-refusal">{t('code.session.expired')}</p>}
      {summary?.printFailed && <p class="notice notice-refusal">{t('goodbye.printFailed')}</p>}
      <p class="lead">{t('goodbye.reminder')}</p>
      {/* Its click bubbles to the section's handler. */}
      <Button variant="primary">{t('goodbye.done')}</Button>
    </section>
  );
}
