import { useSend, useSession, useT } from '../session/use-session';
import { Button } from '../ui/Button';

/** "Are you still there?" with the countdown; only its button dismisses it. */
export function IdleDialog() {
  const t = useT();
  const send = useSend();
  const warning = useSession((snapshot) => snapshot.matches({ idle: 'warning' }));
  const secondsLeft = useSession((snapshot) => snapshot.context.secondsLeft);
  if (!warning) return null;
  return (
    <div class="modal-backdrop">
      <div class="modal" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-countdown">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-countdown" class="countdown">
          {t('idle.countdown', { seconds: secondsLeft })}
        </p>
        <Button variant="primary" size="huge" autoFocus onClick={() => send({ type: 'idle.stillHere' })}>
          {t('idle.stillHere')}
        </Button>
      </div>
    </div>
  );
}
