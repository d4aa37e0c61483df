/** How the staff list reads the collection: the hub's rows with unanswered changes on top, filtered. */
import type { Language } from '../../shared/api/schemas';
import { normalizeForSearch } from '../../shared/ebooks/pinyin-search';
import type { EbookCategory } from '../../shared/ebooks/schemas';
import type { StaffEbook } from '../../shared/ebooks/staff-schemas';
import type { PendingChange } from './ebooks-page-types';

/** A title as the list shows it: what staff last chose, even before the hub has answered. */
export type ShownEbook = StaffEbook & { withdrawn: boolean };

/** Rows beyond this are left out until a filter narrows the list: a table of 10,000 rows is no use to anyone. */
export const MAX_ROWS = 200;

export function withPending(ebook: StaffEbook, pending: readonly PendingChange[]): ShownEbook {
  let shown: ShownEbook = { ...ebook, withdrawn: ebook.withdrawnAt !== null };
  for (const { ebookId, change } of pending) {
    if (ebookId !== ebook.id) continue;
    shown = {
      ...shown,
      access: change.access ?? shown.access,
      categoryIds: change.categoryIds ?? shown.categoryIds,
      withdrawn: change.withdrawn ?? shown.withdrawn,
    };
  }
  return shown;
}

/** Title or author containing the filter, compared as the kiosk's search compares (case and width folded). */
export function matchesFilter(ebook: StaffEbook, filter: string): boolean {
  const needle = normalizeForSearch(filter);
  return needle === '' || [ebook.title, ...ebook.authors].some((text) => normalizeForSearch(text).includes(needle));
}

export function visibleEbooks(ebooks: readonly StaffEbook[], pending: readonly PendingChange[], filter: string) {
  const matching = ebooks.filter((ebook) => matchesFilter(ebook, filter));
  return { matching: matching.length, rows: matching.slice(0, MAX_ROWS).map((ebook) => withPending(ebook, pending)) };
}

/** Categories in shelf order, as the hub lists them. */
export function sortCategories(categories: readonly EbookCategory[]): EbookCategory[] {
  return [...categories].sort((a, b) => a.sort - b.sort || a.id - b.id);
}

export function categoryName(category: EbookCategory, language: Language): string {
  return language === 'zh-CN' ? category.nameZh : category.nameEn;
}

/** Sizes in one unit down the column, so staff can compare them at a glance. */
export function sizeInMb(bytes: number, language: Language): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.max(bytes / 1024 ** 2, 0.1));
}
