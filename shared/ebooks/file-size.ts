/** File sizes as patrons read them, on the kiosk and on the phone page: 856 KB, 1.4 MB. */
import type { Language } from '../api/schemas';

export function formatFileSize(bytes: number, language: Language): string {
  const [value, unit] = bytes < 1024 ** 2 ? [bytes / 1024, 'KB'] : [bytes / 1024 ** 2, 'MB'];
  const digits = value < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(Math.max(value, 0.1))} ${unit}`;
}
