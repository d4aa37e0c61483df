/** Shapes of the e-book catalogue and download tickets as they cross the hub's API. */
import { z } from 'zod';
import { TICKET_ISSUE_REFUSALS } from './codes';

const IsoDateTime = z.iso.datetime({ offset: true });

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
  id: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
  sort: z.number().int(),
});
export type EbookCategory = z.infer<typeof EbookCategory>;

/** One catalogue entry. All text comes from the uploaded file: plain text, escape it on output. */
export const EbookSummary = z.object({
  id: z.number().int(),
  format: EbookFormat,
  title: z.string(),
  authors: z.array(z.string()),
  language: z.string().nullable(),
  publisher: z.string().nullable(),
  published: z.string().nullable(),
  description: z.string().nullable(),
  subjects: z.array(z.string()),
  isbn: z.string().nullable(),
  coverUrl: z.string().nullable(),
  sizeBytes: z.number().int().min(0),
  access: EbookAccess,
  categoryIds: z.array(z.number().int()),
  searchKeys: SearchKeys,
  createdAt: IsoDateTime,
  /** The kiosk syncs incrementally: what changed at or after its last `syncedAt`. */
  updatedAt: IsoDateTime,
});
export type EbookSummary = z.infer<typeof EbookSummary>;

export const EbookCatalogue = z.object({
  categories: z.array(EbookCategory),
  ebooks: z.array(EbookSummary),
  /** Most downloaded recently, most first. */
  popularIds: z.array(z.number().int()),
  /** Pass back as `?since=` to get only what changed. */
  syncedAt: IsoDateTime,
});
export type EbookCatalogue = z.infer<typeof EbookCatalogue>;

export const TicketIssued = z.object({
  ticketId: z.number().int(),
  /** What the QR code carries (inside the download URL). Shown once, never stored by the hub. */
  token: z.string().min(43),
  /** For typing on the phone when the camera cannot scan. */
  shortCode: z.string().length(6),
  downloadUrl: z.string(),
  expiresAt: IsoDateTime,
  downloadsLeft: z.number().int().min(0),
});
export type TicketIssued = z.infer<typeof TicketIssued>;

export const TicketIssueRefused = z.object({ error: z.object({ code: z.enum(TICKET_ISSUE_REFUSALS) }) });

export const TICKET_STATES = ['live', 'expired', 'usedUp', 'cancelled'] as const;
export const TicketStatus = z.object({
  ticketId: z.number().int(),
  state: z.enum(TICKET_STATES),
  downloadsUsed: z.number().int().min(0),
  downloadsLeft: z.number().int().min(0),
  expiresAt: IsoDateTime,
});
export type TicketStatus = z.infer<typeof TicketStatus>;
