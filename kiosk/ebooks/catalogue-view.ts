/** Shelves and search over the cached catalogue: pure functions the e-books machine calls. */
import { matches } from '../../shared/ebooks/pinyin-search';
import type { EbookCatalogue, EbookSummary } from '../../shared/ebooks/schemas';
import type { CatalogueSnapshot, Shelf } from './ebooks-types';

/** Covers in a shelf row on the browsing screen; "See all" opens the whole shelf. */
export const SHELF_PREVIEW = 12;
const NEW_ARRIVALS = 48;

const collator = new Intl.Collator('zh-CN');

/** New arrivals, popular, then one shelf per category; empty shelves are left out. */
export function shelvesOf(catalogue: CatalogueSnapshot): Shelf[] {
  const byId = new Map(catalogue.ebooks.map((ebook) => [ebook.id, ebook]));
  const newest = [...catalogue.ebooks].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id).slice(0, NEW_ARRIVALS);
  const popular = catalogue.popularIds.map((id) => byId.get(id)).filter((ebook): ebook is EbookSummary => ebook !== undefined);
  const byTitle = [...catalogue.ebooks].sort((a, b) => collator.compare(a.title, b.title));
  const shelves: Shelf[] = [
    { id: 'new', label: 'ebooks.newArrivals', ebooks: newest },
    { id: 'popular', label: 'ebooks.popular', ebooks: popular },
    ...catalogue.categories.map((category) => ({
      id: `category-${category.id}`,
      label: { 'zh-CN': category.nameZh, en: category.nameEn },
      ebooks: byTitle.filter((ebook) => ebook.categoryIds.includes(category.id)),
    })),
  ];
  return shelves.filter((shelf) => shelf.ebooks.length > 0);
}

/**
 * The kiosk's copy after a sync's answer to `?since=<copy.syncedAt>`: the whole catalogue when
 * the copy had none, else the copy with changed titles replaced, new ones added, withdrawn ones dropped.
 */
export function applyChanges(copy: CatalogueSnapshot, answer: EbookCatalogue): CatalogueSnapshot {
  const next = { categories: answer.categories, popularIds: answer.popularIds, syncedAt: answer.syncedAt };
  if (copy.syncedAt === null) return { ...next, ebooks: answer.ebooks };
  const changed = new Map(answer.ebooks.map((ebook) => [ebook.id, ebook]));
  const withdrawn = new Set(answer.withdrawnIds);
  const kept = copy.ebooks.filter((ebook) => !withdrawn.has(ebook.id)).map((ebook) => changed.get(ebook.id) ?? ebook);
  const known = new Set(copy.ebooks.map((ebook) => ebook.id));
  return { ...next, ebooks: [...kept, ...answer.ebooks.filter((ebook) => !known.has(ebook.id) && !withdrawn.has(ebook.id))] };
}

export function searchCatalogue(ebooks: EbookSummary[], query: string): EbookSummary[] {
  return ebooks.filter((ebook) => matches(query, ebook.searchKeys));
}
