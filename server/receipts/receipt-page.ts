/**
 * The receipt page a phone opens from the kiosk's QR code: the library, the due dates with the
 * titles and barcodes due on each (enough for a screenshot where the calendar file cannot be
 * saved, as in WeChat), and the calendar file. Never the patron's name or card number.
 */
import type { Language } from '../../shared/api/schemas';
import { receiptCalendarPath } from '../../shared/api/routes';
import { formatDate, translatorFor } from '../../shared/i18n';
import { escapeXml } from '../http/escape-xml';
import { page } from '../ebooks/phone-page';
import type { LibraryName } from '../settings/library-name';
import { dueDays } from './calendar-file';
import type { ReceiptRefusal, StoredReceipt } from './receipt-tickets';

export interface ReceiptPageInput {
  receipt: StoredReceipt;
  token: string;
  language: Language;
  libraryName: LibraryName;
  libraryPhone: string | null;
  timeZone: string;
}

export function receiptPage({ receipt, token, language, libraryName, libraryPhone, timeZone }: ReceiptPageInput): string {
  const t = translatorFor(language);
  const date = (isoOrDay: string) => escapeXml(formatDate(language, isoOrDay, timeZone));
  const days = dueDays(receipt.items, timeZone)
    .map(
      ({ day, items }) => `<section class="due" data-due="${day}">
<h2>${escapeXml(t('receipt.phone.dueOn', { date: formatDate(language, `${day}T12:00:00Z`, 'UTC') }))}</h2>
<ul>${items.map((item) => `<li>${escapeXml(item.title)}<div class="barcode">${escapeXml(t('receipt.phone.barcode', { barcode: item.barcode }))}</div></li>`).join('')}</ul>
</section>`,
    )
    .join('\n');
  const phone = libraryPhone ? `<p class="meta">${escapeXml(t('receipt.phone.contact', { phone: libraryPhone }))}</p>` : '';
  return page(
    language,
    `${t('receipt.phone.title')} · ${libraryName[language]}`,
    `<p class="meta">${escapeXml(libraryName[language])}</p>
<h1>${t('receipt.phone.title')}</h1>
${days}
<a class="button" href="${escapeXml(receiptCalendarPath(token))}" download="due-dates.ics">${t('receipt.phone.calendar')}</a>
<p class="meta">${t('receipt.phone.screenshot')}</p>
${phone}
<p class="meta">${t('receipt.phone.validUntil', { date: date(receipt.expiresAt.toISOString()) })}</p>`,
  );
}

export function receiptProblemPage(language: Language, code: ReceiptRefusal, libraryName: LibraryName): string {
  const t = translatorFor(language);
  return page(
    language,
    t('receipt.phone.problem'),
    `<p class="meta">${escapeXml(libraryName[language])}</p>
<h1>${t('receipt.phone.problem')}</h1>
<p data-code="${code}">${t(code === 'receipt.taken' ? 'receipt.phone.taken' : 'receipt.phone.gone')}</p>`,
  );
}
