/**
 * The catalogue worker's copy of the catalogue in memory: the titles in chunks by id range (as they
 * are saved, catalogue-store.ts), the search text, shelves, and the lists the screens page
 * through. Plain code without I/O: the worker (catalogue-worker.ts) feeds it and saves what it says.
 */
import type { EbookCatalogue, EbookSummary } from '../../shared/ebooks/schemas';
import type { EbookChunk, EbookSyncState } from '../db/kiosk-db';
import { buildSearchCopy, type SearchCopy } from './catalogue-search';
import { chunkKeyOf, type CopyWrite, type SavedCopy } from './catalogue-store';
import { applyPage, shelfEbooks, shelvesOf } from './catalogue-view';
import type { CatalogueSnapshot, CatalogueView, PageRequest, Shelf, ShelfRequest, ShownEbook, TileEbook, TitleList } from './ebooks-types';

/** What crosses to the screens: less to copy for every keystroke's results. */
function shown(ebook: ShownEbook): ShownEbook {
  const { searchKeys: _keys, ...rest } = ebook as EbookSummary;
  return rest;
}

const tile = ({ id, title, authors, coverUrl, language }: TileEbook): TileEbook => ({ id, title, authors, coverUrl, language });

export class CatalogueCopy {
  private snapshot: CatalogueSnapshot = { ebooks: [], categories: [], popularIds: [], syncedAt: null };
  private shelves: Shelf[] = [];
  /** The last shelf asked for, whole: the next screenful is a slice of it. */
  private lastShelf: { shelfId: string; titles: EbookSummary[] } | null = null;
  private searchCopy: SearchCopy | null = null;

  load({ ebooks, state }: SavedCopy): void {
    this.keep({ ebooks, categories: state?.categories ?? [], popularIds: state?.popularIds ?? [], syncedAt: state?.syncedAt ?? null }, true);
  }

  /**
   * Takes one page of a sync's answer (see applyPage) and says what to write: the chunks it
   * touched, and the sync state after the last page. `shelves: false` keeps the shelves as they
   * are: a sync's middle pages only add titles to search.
   */
  applyPage(answer: EbookCatalogue, page: PageRequest, syncedAt: string): CopyWrite {
    const replace = page.since === null && page.after === null;
    const last = answer.next === null;
    this.keep(applyPage(this.snapshot, answer, page, syncedAt), replace || last);
    const touched = new Set([...answer.ebooks.map((ebook) => ebook.id), ...answer.withdrawnIds].map(chunkKeyOf));
    const state: EbookSyncState | null = last ? { key: 'sync', syncedAt, categories: answer.categories, popularIds: answer.popularIds } : null;
    return { replace, chunks: this.chunks(touched), withdrawnIds: answer.withdrawnIds, state };
  }

  /** With `search`, the search copy too (built now if the titles changed). */
  view(search = false): CatalogueView {
    const view: CatalogueView = { count: this.snapshot.ebooks.length, shelves: this.shelves, syncedAt: this.snapshot.syncedAt };
    if (search) view.search = this.searchCopy ??= buildSearchCopy(this.snapshot.ebooks);
    return view;
  }

  titles(): readonly EbookSummary[] {
    return this.snapshot.ebooks;
  }

  find(ebookId: number): ShownEbook | null {
    const ebook = this.snapshot.ebooks.find((candidate) => candidate.id === ebookId);
    return ebook ? shown(ebook) : null;
  }

  shelf({ shelfId, offset, limit }: ShelfRequest): TitleList {
    if (this.lastShelf?.shelfId !== shelfId) this.lastShelf = { shelfId, titles: shelfEbooks(this.snapshot, shelfId) };
    const { titles } = this.lastShelf;
    return { key: { kind: 'shelf', shelfId }, total: titles.length, titles: titles.slice(offset, offset + limit).map(tile) };
  }

  private keep(snapshot: CatalogueSnapshot, shelves: boolean): void {
    this.snapshot = snapshot;
    if (shelves) this.shelves = shelvesOf(snapshot).map((shelf) => ({ ...shelf, ebooks: shelf.ebooks.map(shown) }));
    this.lastShelf = null;
    this.searchCopy = null;
  }

  /** The chunks with these keys as the copy holds them now. */
  private chunks(keys: Set<number>): EbookChunk[] {
    const chunks = new Map([...keys].map((key) => [key, [] as EbookSummary[]]));
    for (const ebook of this.snapshot.ebooks) chunks.get(chunkKeyOf(ebook.id))?.push(ebook);
    return [...chunks].map(([key, ebooks]) => ({ key, ebooks }));
  }
}
