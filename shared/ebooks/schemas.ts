/** Shapes of the e-book catalogue and download tickets as they cross the hub's API. */
import { z } from 'zod/mini';
import { TICKET_ISSUE_REFUSALS } from './codes';

export const IsoDateTime = z.iso.datetime({ offset: true });

export const EBOOK_FORMATS = ['epub', 'pdf'] as const;
export const EbookFormat = z.enum(EBOOK_FORMATS);
export type EbookFormat = z.infer<typeof EbookFormat>;
export const EBOOK_MEDIA_TYPES: Record<EbookFormat, string> = { epub: 'application/epub+zip', pdf: 'application/pdf' };

/** `open`: anyone at the kiosk may take it; `card`: a signed-in patron only, within a daily limit. */
export const EBOOK_ACCESS = ['open', 'card'] as const;
export const EbookAccess = z.enum(EBOOK_ACCESS);
export type EbookAccess = z.infer<typeof EbookAccess>;

/** Pre-computed search keys (see shared/ebooks/pinyin-search.ts): the kiosk needs no pinyin dictionary. */
export const SearchKeys = z.object({
  text: z.array(z.string()),
  pinyin: z.array(z.string()),
  initials: z.array(z.string()),
});
export type SearchKeys = z.infer<typeof SearchKeys>;

export const EbookCategory = z.object({
  id: z.int(),
  nameZh: z.string(),
  nameEn: z.string(),
  sort: z.int(),
});
export type EbookCategory = z.infer<typeof EbookCategory>;

/** One catalogue entry. All text comes from the uploaded file: plain text, escape it on output. */
export const EbookSummary = z.object({
  id: z.int(),
  format: EbookFormat,
  title: z.string(),
  authors: z.array(z.string()),
  language: z.nullable(z.string()),
  publisher: z.nullable(z.string()),
  published: z.nullable(z.string()),
  description: z.nullable(z.string()),
  subjects: z.array(z.string()),
  isbn: z.nullable(z.string()),
  coverUrl: z.nullable(z.string()),
  sizeBytes: z.int().check(z.minimum(0)),
  access: EbookAccess,
  categoryIds: z.array(z.int()),
  searchKeys: SearchKeys,
  createdAt: IsoDateTime,
  /** The kiosk syncs incrementally: what changed at or after its last `syncedAt`. */
  updatedAt: IsoDateTime,
});
export type EbookSummary = z.infer<typeof EbookSummary>;

export const EbookCatalogue = z.object({
  categories: z.array(EbookCategory),
  ebooks: z.array(EbookSummary),
  /** With `since`: titles staff withdrew from then on, for the kiosk to drop from its copy. */
  withdrawnIds: z.array(z.int()),
  /** Most downloaded recently, most first. */
  popularIds: z.array(z.int()),
  /** Pass back as `?since=` to get only what changed. */
  syncedAt: IsoDateTime,
  /** Answers come in pages: pass back as `?after=` (with the same `since`) for the next one; null on the last. */
  next: z.nullable(z.int()),
});
export type EbookCatalogue = z.infer<typeof EbookCatalogue>;

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';
const isStrings = (value: unknown) => Array.isArray(value) && value.every(isString);
const isEnum = <T extends string>(values: readonly T[], value: unknown): value is T => values.includes(value as T);

/**
 * A cheap structural check of one catalogue entry: types and enums, no date or integer parsing.
 * The first sync brings 10,000 of them, and full schema validation of those costs the kiosk
 * hundreds of milliseconds; the entry's text is escaped on output whatever it holds.
 */
export function isEbookSummary(value: unknown): value is EbookSummary {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  const keys = e.searchKeys as Record<string, unknown> | null;
  return (
    typeof e.id === 'number' &&
    isEnum(EBOOK_FORMATS, e.format) &&
    isString(e.title) &&
    isStrings(e.authors) &&
    isStringOrNull(e.language) &&
    isStringOrNull(e.publisher) &&
    isStringOrNull(e.published) &&
    isStringOrNull(e.description) &&
    isStrings(e.subjects) &&
    isStringOrNull(e.isbn) &&
    isStringOrNull(e.coverUrl) &&
    typeof e.sizeBytes === 'number' &&
    isEnum(EBOOK_ACCESS, e.access) &&
    Array.isArray(e.categoryIds) &&
    e.categoryIds.every((id) => typeof id === 'number') &&
    typeof keys === 'object' &&
    keys !== null &&
    isStrings(keys.text) &&
    isStrings(keys.pinyin) &&
    isStrings(keys.initials) &&
    isString(e.createdAt) &&
    isString(e.updatedAt)
  );
}

/** What the kiosk checks a catalogue answer against: the envelope strictly, the entries with {@link isEbookSummary}. */
export const EbookCatalogueAnswer = z.extend(EbookCatalogue, { ebooks: z.array(z.custom<EbookSummary>(isEbookSummary)) });

export const TicketIssued = z.object({
  ticketId: z.int(),
  /** What the QR code carries (inside the download URL). Shown once, never stored by the hub. */
  token: z.string().check(z.minLength(43)),
  /** For typing on the phone when the camera cannot scan. */
  shortCode: z.string().check(z.length(6)),
  downloadUrl: z.string(),
  expiresAt: IsoDateTime,
  downloadsLeft: z.int().check(z.minimum(0)),
});
export type TicketIssued = z.infer<typeof TicketIssued>;

export const TicketIssueRefused = z.object({ error: z.object({ code: z.enum(TICKET_ISSUE_REFUSALS) }) });

export const TICKET_STATES = ['live', 'expired', 'usedUp', 'cancelled'] as const;
export const TicketStatus = z.object({
  ticketId: z.int(),
  state: z.enum(TICKET_STATES),
  downloadsUsed: z.int().check(z.minimum(0)),
  downloadsLeft: z.int().check(z.minimum(0)),
  expiresAt: IsoDateTime,
});
export type TicketStatus = z.infer<typeof TicketStatus>;
