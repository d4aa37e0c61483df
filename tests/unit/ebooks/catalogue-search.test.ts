import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchCopy, searchPositions, tileAt, type SearchCopy } from '../../../kiosk/ebooks/catalogue-search';
import { matches } from '../../../shared/ebooks/pinyin-search';
import type { EbookSummary } from '../../../shared/ebooks/schemas';
import { ebookSummary } from '../support/ebook-summary';

const ebook = (id: number, title: string, authors: string[] = []): EbookSummary => ebookSummary(id, title, { authors });

/** The search copy of each catalogue, built once, as the worker does for each version of its copy. */
const copies = new WeakMap<EbookSummary[], SearchCopy>();
function searchCatalogue(ebooks: EbookSummary[], query: string): Array<{ id: number }> {
  if (!copies.has(ebooks)) copies.set(ebooks, buildSearchCopy(ebooks));
  const copy = copies.get(ebooks)!;
  return Array.from(searchPositions(copy, query), (position) => tileAt(copy, position));
}

const CATALOGUE = [
  ebook(1, '红楼梦', ['曹雪芹']),
  ebook(2, '水浒传', ['施耐庵']),
  ebook(3, '西游记', ['吴承恩']),
  ebook(4, 'The Hobbit', ['J. R. R. Tolkien']),
  ebook(5, '红楼梦研究', ['俞平伯']),
  ebook(6, '三国演义', ['罗贯中']),
];
const ids = (ebooks: Array<{ id: number }>) => ebooks.map((e) => e.id);

describe('the kiosk’s catalogue search', () => {
  it('finds by initials, full pinyin, title and author, and by words run together', () => {
    expect(ids(searchCatalogue(CATALOGUE, 'hlm'))).toEqual([1, 5]);
    expect(ids(searchCatalogue(CATALOGUE, 'hongloumeng'))).toEqual([1, 5]);
    expect(ids(searchCatalogue(CATALOGUE, 'hong lou'))).toEqual([1, 5]);
    expect(ids(searchCatalogue(CATALOGUE, '施耐庵'))).toEqual([2]);
    expect(ids(searchCatalogue(CATALOGUE, 'HOBBIT tolkien'))).toEqual([4]);
    expect(ids(searchCatalogue(CATALOGUE, 'cxq'))).toEqual([1]);
  });

  it('gives the same titles letter by letter, after a backspace and on another catalogue as a fresh search', () => {
    for (const typed of ['x', 'xy', 'xyj', 'xy', 'x', 'h', 'hl', 'hlm', 'hlmy']) {
      expect(ids(searchCatalogue(CATALOGUE, typed))).toEqual(ids(CATALOGUE.filter((e) => matches(typed, e.searchKeys))));
    }
    const fewer = CATALOGUE.slice(0, 2);
    expect(ids(searchCatalogue(fewer, 'hlmy'))).toEqual([]);
    expect(ids(searchCatalogue(fewer, 'hl'))).toEqual([1]);
  });

  it('gives each result’s tile: title, authors, cover and language, even with the characters the copy joins fields with', () => {
    const odd = ebook(9, 'A\u0000B', ['甲\u0001乙', '丙']);
    expect(searchCatalogue([odd], 'a')).toEqual([{ id: 9, title: 'A B', authors: ['甲 乙', '丙'], coverUrl: null, language: 'zh' }]);
  });

  it('finds exactly what matches() finds, for any catalogue and queries typed in a row', () => {
    const text = fc.string({ unit: fc.constantFrom(...'红楼梦水浒传西游记三国 abchlmxyz'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 12 }), fc.array(text, { minLength: 1, maxLength: 6 }), (titles, queries) => {
        const ebooks = titles.map(([title, author], i) => ebook(i + 1, title, author ? [author] : []));
        for (const query of queries) {
          const expected = query.trim() === '' ? ebooks : ebooks.filter((e) => matches(query, e.searchKeys));
          expect(ids(searchCatalogue(ebooks, query))).toEqual(ids(expected));
        }
      }),
    );
  });
});
