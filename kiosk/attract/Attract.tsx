import { offersCheckout, offersEbooks } from '../../shared/api/schemas';
import { useSend, useSession, useT } from '../session/use-session';
import { Button } from '../ui/Button';
import { BookIcon, EbookIcon, ReturnIcon } from '../ui/icons';
import { NoticeText } from '../ui/NoticeText';

export function Attract() {
  const t = useT();
  const send = useSend();
  const notice = useSession((snapshot) => snapshot.context.notice);
  const mode = useSession((snapshot) => snapshot.context.config.mode);
  const language = useSession((snapshot) => snapshot.context.language);
  // The kiosk profile's attract-screen text (news, opening hours), in the patron's language.
  const slides = useSession((snapshot) => snapshot.context.config.slides)
    .map((slide) => slide.text[language])
    .filter((text) => text !== '');
  return (
    <section class="attract">
      <h1>{t('attract.welcome')}</h1>
      <p class="lead">{t('attract.hint')}</p>
      {slides.length > 0 && (
        <ul class="attract-slides">
          {slides.map((text, index) => (
            <li key={index}>{text}</li>
          ))}
        </ul>
      )}
      <NoticeText notice={notice} />
      <div class="big-actions">
        {offersCheckout(mode) && (
          <>
            <Button variant="primary" size="huge" onClick={() => send({ type: 'borrow.chosen' })}>
              <BookIcon />
              {t('action.borrow')}
            </Button>
            <Button variant="primary" size="huge" onClick={() => send({ type: 'return.chosen' })}>
              <ReturnIcon />
              {t('action.return')}
            </Button>
          </>
        )}
        {offersEbooks(mode) && (
          <Button variant="primary" size="huge" onClick={() => send({ type: 'ebooks.chosen' })}>
            <EbookIcon />
            {t('action.ebooks')}
          </Button>
        )}
      </div>
    </section>
  );
}
