import { offersEbooks } from '../../shared/api/schemas';
import { useSend, useSession, useT } from '../session/use-session';
import { Button } from '../ui/Button';
import { IlsWordsText } from '../ui/IlsWordsText';
import { BlockList } from './BlockList';

export function Home() {
  const t = useT();
  const send = useSend();
  const patron = useSession((snapshot) => snapshot.context.patron);
  const offlineCard = useSession((snapshot) => snapshot.context.offlineCard);
  const offlineLimit = useSession((snapshot) => snapshot.context.config.offline.maxItemsPerCard);
  const mode = useSession((snapshot) => snapshot.context.config.mode);
  if (patron === null && !offlineCard) return null;
  return (
    <section class="home">
      {patron !== null ? (
        <>
          <h1>{t('home.greeting', { name: patron.displayName })}</h1>
          <p class="lead">{t('home.loans', { count: patron.loanCount, limit: patron.loanLimit })}</p>
          {patron.holdsReady > 0 && <p class="lead">{t('home.holdsReady', { count: patron.holdsReady })}</p>}
          <BlockList blocks={patron.blocks} />
          <IlsWordsText words={patron} />
        </>
      ) : (
        // Signed in by card alone while the hub is down: no name or loans to show.
        <>
          <h1>{t('offline.signedIn')}</h1>
          <p class="lead">{t('offline.signedInHint', { max: offlineLimit })}</p>
        </>
      )}
      <div class="home-actions">
        <Button variant="primary" size="huge" onClick={() => send({ type: 'borrow.chosen' })}>
          {t('action.borrow')}
        </Button>
        <Button variant="primary" size="huge" onClick={() => send({ type: 'return.chosen' })}>
          {t('action.return')}
        </Button>
        {!offlineCard && (
          <Button size="huge" onClick={() => send({ type: 'loans.chosen' })}>
            {t('action.loans')}
          </Button>
        )}
        {offersEbooks(mode) && (
          <Button size="huge" onClick={() => send({ type: 'ebooks.chosen' })}>
            {t('action.ebooks')}
          </Button>
        )}
        <Button size="huge" onClick={() => send({ type: 'finish.chosen' })}>
          {t('action.finish')}
        </Button>
      </div>
    </section>
  );
}
