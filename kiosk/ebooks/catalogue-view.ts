/**
 * Shelves and sync pages over the cached catalogue: pure functions the e-books machine calls.
 * With 100,000 titles nothing here sorts the whole catalogue: a shelf row keeps its first titles
 * as it goes through them once, and only an opened shelf is sorted whole.
 */
import type { EbookCatalogue, EbookSummary } from '../../shared/ebooks/schemas';
import type { CatalogueSnapshot, PageRequest, Shelf } from './ebooks-types';

/** Covers in a shelf row on the browsing screen; "See all" opens the whole shelf. */
export const SHELF_PREVIEW = 12;
const NEW_ARRIVALS = 48;

const collator = new Intl.Collator('zh-CN');
const HAN = /\p{Script=Han}/u;
const titleKeys = new WeakMap<EbookSummary, string>();

/**
 * Chinese reading order as the zh-CN collator has it (Han titles by pinyin, before Latin ones),
 * from a key compared as plain text: the collator itself took seconds over 100,000 titles.
 */
function titleKey(ebook: EbookSummary): string {
  let key = titleKeys.get(ebook);
  if (key === undefined) {
    // The hub builds the title's spellings first, its contextual reading first of all.
    const pinyin = ebook.searchKeys.pinyin[0];
    key = HAN.test(ebook.title) && pinyin ? `0${pinyin}` : `1${ebook.title.toLowerCase()}`;
    titleKeys.set(ebook, key);
  }
  return key;
}

const byTitle = (a: EbookSummary, b: EbookSummary) => {
  const [x, y] = [titleKey(a), titleKey(b)];
  return x < y ? -1 : x > y ? 1 : collator.compare(a.title, b.title) || a.id - b.id;
};
const newestFirst = (a: EbookSummary, b: EbookSummary) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id);

/** The first `limit` of `ebooks` in `order`, in one pass: a title goes in only if it beats the last kept. */
function firstOf(ebooks: Iterable<EbookSummary>, limit: number, order: (a: EbookSummary, b: EbookSummary) => number): EbookSummary[] {
  const kept: EbookSummary[] = [];
  for (const ebook of ebooks) {
    if (kept.length === limit && order(ebook, kept[limit - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && order(ebook, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, ebook);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

function popularOf(catalogue: CatalogueSnapshot): EbookSummary[] {
  const wanted = new Set(catalogue.popularIds);
  const found = new Map(catalogue.ebooks.filter((ebook) => wanted.has(ebook.id)).map((ebook) => [ebook.id, ebook]));
  return catalogue.popularIds.map((id) => found.get(id)).filter((ebook): ebook is EbookSummary => ebook !== undefined);
}

/** New arrivals, popular, then one shelf per category, each with its first titles; empty shelves are left out. */
export function shelvesOf(catalogue: CatalogueSnapshot): Shelf[] {
  const newest = firstOf(catalogue.ebooks, NEW_ARRIVALS, newestFirst);
  const popular = popularOf(catalogue);
  const inCategory = new Map(catalogue.categories.map((category) => [category.id, [] as EbookSummary[]]));
  for (const ebook of catalogue.ebooks) for (const id of ebook.categoryIds) inCategory.get(id)?.push(ebook);
  const shelves: Shelf[] = [
    { id: 'new', label: 'ebooks.newArrivals', ebooks: newest.slice(0, SHELF_PREVIEW), count: newest.length },
    { id: 'popular', label: 'ebooks.popular', ebooks: popular.slice(0, SHELF_PREVIEW), count: popular.length },
    ...catalogue.categories.map((category) => {
      const ebooks = inCategory.get(category.id) ?? [];
      return { id: `category-${category.id}`, label: { 'zh-CN': category.nameZh, en: category.nameEn }, ebooks: firstOf(ebooks, SHELF_PREVIEW, byTitle), count: ebooks.length };
    }),
  ];
  return shelves.filter((shelf) => shelf.count > 0);
}

/** Every title of an opened shelf, in its order (empty for a shelf the catalogue no longer has). */
export function shelfEbooks(catalogue: CatalogueSnapshot, shelfId: string): EbookSummary[] {
  if (shelfId === 'new') return firstOf(catalogue.ebooks, NEW_ARRIVALS, newestFirst);
  if (shelfId === 'popular') return popularOf(catalogue);
  const categoryId = Number(shelfId.replace('category-', ''));
  return catalogue.ebooks.filter((ebook) => ebook.categoryIds.includes(categoryId)).sort(byTitle);
}

/**
 * The kiosk's copy after one page of a sync's answer: the first page of a whole catalogue (no
 * `since`) replaces the copy; any other page replaces changed titles, adds new ones and drops
 * withdrawn ones. The copy is current to the sync's `syncedAt` once its last page is in.
 */
export function applyPage(copy: CatalogueSnapshot, answer: EbookCatalogue, page: PageRequest, syncedAt: string): CatalogueSnapshot {
  const next = { categories: answer.categories, popularIds: answer.popularIds, syncedAt: answer.next === null ? syncedAt : copy.syncedAt };
  if (page.since === null && page.after === null) return { ...next, ebooks: answer.ebooks };
  const changed = new Map(answer.ebooks.map((ebook) => [ebook.id, ebook]));
  const withdrawn = new Set(answer.withdrawnIds);
  const known = new Set<number>();
  const kept: EbookSummary[] = [];
  for (const ebook of copy.ebooks) {
    known.add(ebook.id);
    if (!withdrawn.has(ebook.id)) kept.push(changed.get(ebook.id) ?? ebook);
  }
  for (const ebook of answer.ebooks) if (!known.has(ebook.id) && !withdrawn.has(ebook.id)) kept.push(ebook);
  return { ...next, ebooks: kept };
}
