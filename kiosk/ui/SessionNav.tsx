import type { Screen } from '../session/screen';
import { useSend, useSession, useT } from '../session/use-session';
import { Button } from './Button';

type Destination = Extract<Screen, 'home' | 'borrow' | 'return' | 'loans'>;

/** Links between the signed-in screens; the current screen is left out so each name stays unique. */
export function SessionNav({ current, signedIn = true }: { current: Destination; signedIn?: boolean }) {
  const t = useT();
  const send = useSend();
  // My loans come from the hub: not for a card signed in offline.
  const offlineCard = useSession((snapshot) => snapshot.context.offlineCard);
  const links = [
    { to: 'home', event: 'home.chosen', label: t('action.back') },
    { to: 'borrow', event: 'borrow.chosen', label: t('action.borrow') },
    { to: 'return', event: 'return.chosen', label: t('action.return') },
    { to: 'loans', event: 'loans.chosen', label: t('action.loans') },
  ] as const;
  return (
    <nav class="session-nav">
      {signedIn &&
        links
          .filter((link) => link.to !== current && !(offlineCard && link.to === 'loans'))
          .map((link) => (
            <Button key={link.to} onClick={() => send({ type: link.event })}>
              {link.label}
            </Button>
          ))}
      <Button variant="primary" onClick={() => send({ type: 'finish.chosen' })}>
        {t('action.finish')}
      </Button>
    </nav>
  );
}
