/** The data of the kiosk's e-book section, and the inputs of its injected actors. */
import type { EbookCategory, EbookSummary } from '../../shared/ebooks/schemas';
import type { MessageKey } from '../../shared/i18n';
import type { SearchCopy } from './catalogue-search';

/** What the kiosk holds of the hub's catalogue: the catalogue worker's copy (catalogue-copy.ts). */
export interface CatalogueSnapshot {
  ebooks: EbookSummary[];
  categories: EbookCategory[];
  popularIds: number[];
  /** The hub's `syncedAt` this copy is current to; null when the kiosk has none yet. */
  syncedAt: string | null;
}

/** A title as the screens get it from the catalogue worker: all but its search keys. */
export type ShownEbook = Omit<EbookSummary, 'searchKeys'>;

/** What a cover tile shows of a title; the rest comes from the worker when the title is opened. */
export type TileEbook = Pick<EbookSummary, 'id' | 'title' | 'authors' | 'coverUrl' | 'language'>;

/** A row of covers on the browsing screen: its first titles; "See all" lists all `count`. */
export interface Shelf {
  id: string;
  /** A translation key, or a staff-made category's own names. */
  label: MessageKey | { 'zh-CN': string; en: string };
  ebooks: ShownEbook[];
  count: number;
}

export interface EbooksInput {
  /** The signed-in patron's token, or null; `card` titles need one. */
  patronToken: string | null;
  /** After signing in for a `card` title, the section opens on that title again. */
  openEbookId: number | null;
  /** The session's clock (tests pass their simulated one): lock-out minutes, a QR code's validity. */
  now: () => number;
}

/** Which page of a sync to ask the hub for: `since` the copy's `syncedAt`, `after` the previous page's `next`. */
export interface PageRequest {
  since: string | null;
  after: number | null;
}

/**
 * What the screens get of the catalogue before a search: how many titles, the shelves with their
 * first titles, and the `syncedAt` it is current to. The titles themselves stay in the worker.
 */
export interface CatalogueView {
  count: number;
  shelves: Shelf[];
  syncedAt: string | null;
  /** The copy the screens search (catalogue-search.ts); absent when it has not changed since the last view. */
  search?: SearchCopy;
}

/** Which titles a list on screen shows: a search's results, or an opened shelf's titles. */
export type ListKey = { kind: 'search'; query: string } | { kind: 'shelf'; shelfId: string };

/** An opened shelf's titles from `offset`: the screens load them a screenful ahead as the patron scrolls. */
export interface ShelfRequest {
  shelfId: string;
  offset: number;
  limit: number;
}

/** The titles of a list loaded so far, of `total`. */
export interface TitleList {
  key: ListKey;
  total: number;
  titles: TileEbook[];
}

/** What the catalogue actor tells the e-books machine (catalogue-client.ts, or a test's fake). */
export type CatalogueEvent =
  /** The kiosk's saved copy, read. */
  | { type: 'catalogue.loaded'; view: CatalogueView }
  /** A page of the hub's changes is in (`complete`: the last, and the copy is saved). */
  | { type: 'catalogue.synced'; view: CatalogueView; complete: boolean }
  /** The sync ended early: the hub could not be reached (or the copy not saved); the kiosk browses what it has. */
  | { type: 'catalogue.syncFailed' };

export interface IssueInput {
  ebookId: number;
  patronToken: string | null;
}

export interface TicketInput {
  ticketId: number;
}

/** Tells the ticket guard the ticket needs no cancelling: the phone has the title, or it ended. */
export type TicketGuardEvent = { type: 'ticket.settled' };
