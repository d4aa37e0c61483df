/**
 * The catalogue worker's copy of the catalogue in memory: the titles in chunks by id range (as they
 * are saved, catalogue-store.ts), the search text, shelves, and the lists the screens page
 * through. Plain code without I/O: the worker (catalogue-worker.ts) feeds it and saves what it says.
 */
import type { EbookCatalogue, EbookSummary } from '../../shared/ebooks/schemas';
import type { EbookChunk, EbookSyncState } from '../db/kiosk-db';
import { prepareForSearch, searchCatalogue } from './catalogue-search';
import { chunkKeyOf, type CopyWrite, type SavedCopy } from './catalogue-store';
import { applyPage, shelfEbooks, shelvesOf } from './catalogue-view';
import type { CatalogueSnapshot, CatalogueView, ListKey, ListRequest, PageRequest, Shelf, TitleList } from './ebooks-types';

const sameKey = (a: ListKey, b: ListKey) =>
  a.kind === 'search' ? b.kind === 'search' && a.query === b.query : b.kind === 'shelf' && a.shelfId === b.shelfId;

export class CatalogueCopy {
  private snapshot: CatalogueSnapshot = { ebooks: [], categories: [], popularIds: [], syncedAt: null };
  private shelves: Shelf[] = [];
  /** The last list asked for, whole: the next screenful is a slice of it. */
  private lastList: { key: ListKey; titles: EbookSummary[] } | null = null;

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

  view(): CatalogueView {
    return { count: this.snapshot.ebooks.length, shelves: this.shelves, syncedAt: this.snapshot.syncedAt };
  }

  titles(): readonly EbookSummary[] {
    return this.snapshot.ebooks;
  }

  find(ebookId: number): EbookSummary | null {
    return this.snapshot.ebooks.find((ebook) => ebook.id === ebookId) ?? null;
  }

  list({ key, offset, limit }: ListRequest): TitleList {
    if (!this.lastList || !sameKey(this.lastList.key, key)) {
      const titles = key.kind === 'search' ? searchCatalogue(this.snapshot.ebooks, key.query) : shelfEbooks(this.snapshot, key.shelfId);
      this.lastList = { key, titles };
    }
    const { titles } = this.lastList;
    return { key, total: titles.length, titles: titles.slice(offset, offset + limit) };
  }

  private keep(snapshot: CatalogueSnapshot, shelves: boolean): void {
    this.snapshot = snapshot;
    // The search text is joined now, between pages, so no keystroke waits for it.
    prepareForSearch(snapshot.ebooks, true);
    if (shelves) this.shelves = shelvesOf(snapshot);
    this.lastList = null;
  }

  /** The chunks with these keys as the copy holds them now. */
  private chunks(keys: Set<number>): EbookChunk[] {
    const chunks = new Map([...keys].map((key) => [key, [] as EbookSummary[]]));
    for (const ebook of this.snapshot.ebooks) chunks.get(chunkKeyOf(ebook.id))?.push(ebook);
    return [...chunks].map(([key, ebooks]) => ({ key, ebooks }));
  }
}
