import { formatFileSize } from '../../shared/ebooks/file-size';
import type { Language } from '../../shared/api/schemas';
import { useLanguage, useT } from '../session/use-session';
import { Button } from '../ui/Button';
import { NoticeText } from '../ui/NoticeText';
import { bookLang } from '../../shared/ebooks/book-lang';
import { CoverImage } from './CoverImage';
import { sendTo, useEbooks, type EbooksActor } from './use-ebooks';

function languageName(code: string | null, language: Language): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function EbookDetail({ actor }: { actor: EbooksActor }) {
  const t = useT();
  const language = useLanguage();
  const send = sendTo(actor);
  const ebook = useEbooks(actor, (snapshot) => snapshot.context.selected);
  const notice = useEbooks(actor, (snapshot) => snapshot.context.notice);
  const signedIn = useEbooks(actor, (snapshot) => snapshot.context.patronToken !== null);
  if (!ebook) return null;
  const lang = bookLang(ebook.language);
  // Authors, title and description are book data (data-book-data), in the book's own language.
  const facts: Array<[string, string | null, boolean?]> = [
    [t('ebooks.authors'), ebook.authors.join('、') || null, true],
    [t('ebooks.language'), languageName(ebook.language, language)],
    [t('ebooks.size'), formatFileSize(ebook.sizeBytes, language)],
    [t('ebooks.format'), t(`ebooks.format.${ebook.format}`)],
    [t('ebooks.access'), t(`ebooks.access.${ebook.access}`)],
  ];
  return (
    <section class="ebook-detail">
      <CoverImage key={ebook.coverUrl} ebook={ebook} class="detail-cover" />
      <div class="detail-text">
        <h1 data-testid="ebook-title" lang={lang} data-book-data>{ebook.title}</h1>
        <dl class="detail-facts">
          {facts
            .filter((fact): fact is [string, string, boolean?] => fact[1] !== null)
            .map(([term, value, bookData]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd {...(bookData ? { lang, 'data-book-data': true } : {})}>{value}</dd>
              </div>
            ))}
        </dl>
        {ebook.description && <p class="detail-description" lang={lang} data-book-data>{ebook.description}</p>}
        <NoticeText notice={notice} />
        <div class="detail-actions">
          <Button variant="primary" size="huge" onClick={() => send({ type: 'send.requested' })}>
            {ebook.access === 'card' && !signedIn ? t('ebooks.signInToSend') : t('ebooks.send')}
          </Button>
          <Button size="large" onClick={() => send({ type: 'back' })}>
            {t('action.back')}
          </Button>
        </div>
      </div>
    </section>
  );
}
