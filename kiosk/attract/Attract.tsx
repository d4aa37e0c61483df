import { profileImagePath } from '../../shared/api/routes';
import { offersCheckout, offersEbooks } from '../../shared/api/schemas';
import { useSend, useSession, useT } from '../session/use-session';
import { Button } from '../ui/Button';
import { BookIcon, EbookIcon, ReturnIcon } from '../ui/icons';
import { NoticeText } from '../ui/NoticeText';
import './attract.css';

/** More pictures than this and each is drawn smaller, so the buttons stay on the screen. */
const FULL_SIZE_PICTURES = 2;

/** A picture that cannot be fetched (the hub down and not cached yet) goes away: its slide's text stays. */
const hideBroken = (event: Event) => ((event.currentTarget as HTMLImageElement).hidden = true);

export function Attract() {
  const t = useT();
  const send = useSend();
  const notice = useSession((snapshot) => snapshot.context.notice);
  const mode = useSession((snapshot) => snapshot.context.config.mode);
  const language = useSession((snapshot) => snapshot.context.language);
  // The kiosk profile's attract-screen slides (news, opening hours) in the patron's language, and its logo.
  // A config saved before pictures existed has neither `image` nor `logo`.
  const slides = useSession((snapshot) => snapshot.context.config.slides)
    .map((slide) => ({ text: slide.text[language], image: slide.image ?? null }))
    .filter((slide) => slide.text !== '');
  const logo = useSession((snapshot) => snapshot.context.config.logo ?? null);
  const pictures = slides.filter((slide) => slide.image !== null).length;
  return (
    <section class="attract">
      {/* The library's name is in the header: the logo beside it says nothing more. */}
      {logo !== null && <img class="attract-logo" src={profileImagePath(logo)} alt="" onError={hideBroken} />}
      <h1>{t('attract.welcome')}</h1>
      <p class="lead">{t('attract.hint')}</p>
      {slides.length > 0 && (
        <ul class={pictures > FULL_SIZE_PICTURES ? 'attract-slides many-pictures' : 'attract-slides'}>
          {slides.map((slide, index) =>
            slide.image === null ? (
              <li key={index}>{slide.text}</li>
            ) : (
              // The picture is read out by the slide's text; the caption shows the same words, so it is heard once.
              <li key={index} class="slide-with-picture">
                <img src={profileImagePath(slide.image)} alt={slide.text} onError={hideBroken} />
                <span aria-hidden="true">{slide.text}</span>
              </li>
            ),
          )}
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
