/** The data of the kiosk's e-book section, and the inputs of its injected actors. */
import type { EbookCatalogue, EbookCategory, EbookSummary } from '../../shared/ebooks/schemas';
import type { MessageKey } from '../../shared/i18n';

/** What the kiosk holds of the hub's catalogue (IndexedDB, see catalogue-db.ts). */
export interface CatalogueSnapshot {
  ebooks: EbookSummary[];
  categories: EbookCategory[];
  popularIds: number[];
  /** The hub's `syncedAt` this copy is current to; null when the kiosk has none yet. */
  syncedAt: string | null;
}

/** A row of covers on the browsing screen: its first titles; "See all" lists all `count`. */
export interface Shelf {
  id: string;
  /** A translation key, or a staff-made category's own names. */
  label: MessageKey | { 'zh-CN': string; en: string };
  ebooks: EbookSummary[];
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
 * A page of a sync's answer to write to the cache, the page it answered, and the sync's
 * `syncedAt` (its first page's), which the cache keeps once the last page is written.
 */
export interface StoreInput extends PageRequest {
  answer: EbookCatalogue;
  syncedAt: string;
}

export interface IssueInput {
  ebookId: number;
  patronToken: string | null;
}

export interface TicketInput {
  ticketId: number;
}

/** Tells the ticket guard the ticket needs no cancelling: the phone has the title, or it ended. */
export type TicketGuardEvent = { type: 'ticket.settled' };
