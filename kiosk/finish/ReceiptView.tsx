import { formatDate, translatorFor } from '../../shared/i18n';
import type { Receipt } from '../session/session-types';

/** The printed receipt: titles and dates only, never the patron's name or card number. */
export function ReceiptView({ receipt, printedAt }: { receipt: Receipt; printedAt: Date }) {
  const { language } = receipt;
  const t = translatorFor(language);
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(printedAt);
  const due = (iso: string) => t('item.due', { date: formatDate(language, iso) });
  return (
    <div class="receipt" lang={language}>
      <h1>{receipt.libraryName}</h1>
      <p>{t('receipt.title')}</p>
      <p>{when}</p>
      <ReceiptSection heading={t('receipt.borrowed')} lines={receipt.borrowed.map((item) => [item.title, due(item.dueAt)])} />
      <ReceiptSection heading={t('receipt.returned')} lines={receipt.returned.map((item) => [item.title])} />
      <ReceiptSection heading={t('receipt.renewed')} lines={receipt.renewed.map((item) => [item.title, due(item.dueAt)])} />
      {receipt.recordedOffline && <p>{t('receipt.offline')}</p>}
      <p>{t('receipt.thanks')}</p>
    </div>
  );
}

function ReceiptSection({ heading, lines }: { heading: string; lines: string[][] }) {
  if (lines.length === 0) return null;
  return (
    <section>
      <h2>{heading}</h2>
      <ol>
        {lines.map(([title, detail], index) => (
          <li key={index}>
            {title}
            {detail && <div>{detail}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
