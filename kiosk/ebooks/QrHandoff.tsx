import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import type { TicketIssued } from '../../shared/ebooks/schemas';
import { useT } from '../session/use-session';
import { Button } from '../ui/Button';
import { CheckIcon } from '../ui/icons';
import { bookLang } from '../../shared/ebooks/book-lang';
import { sendTo, useEbooks, type EbooksActor } from './use-ebooks';

/** Large modules and a 4-module quiet zone: readable from a phone held 30–50 cm away. */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4, width: 400 } as const;

export function QrHandoff({ actor, view }: { actor: EbooksActor; view: 'issuing' | 'showingQr' | 'sent' }) {
  const t = useT();
  const send = sendTo(actor);
  const ticket = useEbooks(actor, (snapshot) => snapshot.context.ticket);
  const title = useEbooks(actor, (snapshot) => snapshot.context.selected?.title ?? '');
  const lang = useEbooks(actor, (snapshot) => bookLang(snapshot.context.selected?.language ?? null));
  const now = useEbooks(actor, (snapshot) => snapshot.context.now);

  if (view === 'sent') {
    return (
      <section class="qr-handoff" data-testid="ebook-sent">
        <p class="sent-mark">
          <CheckIcon />
        </p>
        <h1 aria-live="polite">{t('ebooks.sent')}</h1>
        <p class="lead">{t('ebooks.sent.hint')}</p>
        <Button size="large" onClick={() => send({ type: 'back' })}>
          {t('action.back')}
        </Button>
      </section>
    );
  }
  return (
    <section class="qr-handoff">
      <h1>{t('ebooks.qr.title')}</h1>
      <p class="lead" lang={lang} data-book-data>
        {title}
      </p>
      {view === 'issuing' || !ticket ? <p class="lead" aria-busy="true">{t('ebooks.sending')}</p> : <TicketCode ticket={ticket} title={title} now={now} />}
      <Button size="large" onClick={() => send({ type: 'back' })}>
        {t('action.cancel')}
      </Button>
    </section>
  );
}

/** `now`: the session's clock, which tests simulate. */
function TicketCode({ ticket, title, now }: { ticket: TicketIssued; title: string; now: () => number }) {
  const t = useT();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void toDataURL(ticket.downloadUrl, QR_OPTIONS).then((url) => current && setImage(url));
    return () => {
      current = false;
    };
  }, [ticket.downloadUrl]);
  const typeAt = `${new URL(ticket.downloadUrl).origin}/d`;
  // The address and the code are typed as shown, never translated (rendered as translate="no").
  const [before = '', after = ''] = t('ebooks.qr.manual', { url: '\u0000' }).split('\u0000');
  const minutes = Math.max(1, Math.round((Date.parse(ticket.expiresAt) - now()) / 60_000));
  return (
    <div class="ticket-code">
      {image && <img class="qr-image" data-testid="ebook-qr" src={image} width={QR_OPTIONS.width} height={QR_OPTIONS.width} alt={t('ebooks.qr.alt', { title })} />}
      <div class="ticket-manual">
        <p>
          {before}
          <span translate={false}>{typeAt}</span>
          {after}
        </p>
        <p class="short-code" data-testid="short-code" translate={false}>
          {ticket.shortCode}
        </p>
        <p>{t('ebooks.qr.validity', { minutes, count: ticket.downloadsLeft })}</p>
        <p class="lead" aria-live="polite">{t('ebooks.qr.waiting')}</p>
      </div>
    </div>
  );
}
