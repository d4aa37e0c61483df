/** The e-book section's screens; each renders the section actor's snapshot and sends it events. */
import { useT } from '../session/use-session';
import { Browse } from './Browse';
import { EbookDetail } from './EbookDetail';
import { QrHandoff } from './QrHandoff';
import { useEbooks, useEbooksActor, viewOf, type EbooksActor } from './use-ebooks';
import './ebooks.css';

export function EbookSection() {
  const actor = useEbooksActor();
  const t = useT();
  if (!actor) return <p class="lead">{t('ebooks.loading')}</p>;
  return <SectionView actor={actor} />;
}

function SectionView({ actor }: { actor: EbooksActor }) {
  const t = useT();
  const view = useEbooks(actor, viewOf);
  switch (view) {
    case 'starting':
      return <p class="lead">{t('ebooks.loading')}</p>;
    case 'browsing':
    // A tapped title opens in a moment: the covers stay until it does.
    case 'opening':
      return <Browse actor={actor} />;
    case 'detail':
      return <EbookDetail actor={actor} />;
    case 'issuing':
    case 'showingQr':
    case 'sent':
      return <QrHandoff actor={actor} view={view} />;
    default: {
      const unknown: never = view;
      throw new Error(`no view for ${String(unknown)}`);
    }
  }
}
