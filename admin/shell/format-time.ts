/** A stored ISO time as staff read it: the date and minute, in their language and the browser's time zone. */
import type { Language } from '../../shared/api/schemas';

const formats = new Map<Language, Intl.DateTimeFormat>();

export function formatTime(iso: string, language: Language): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(language, format);
  }
  return format.format(new Date(iso));
}
