/**
 * What the admin panel and the hub exchange about the e-book collection: the staff's list,
 * an upload's answer, a change to one title, a category. Validated on both sides.
 */
import { z } from 'zod';
import { EbookAccess, EbookCategory, EbookFormat, IsoDateTime } from './schemas';
import { hasXmlForbidden } from './xml-chars';
const Id = z.number().int().positive();

/** One title as staff see it: the catalogue entry's essentials, downloads, and whether it is withdrawn. */
export const StaffEbook = z.object({
  id: Id,
  format: EbookFormat,
  title: z.string(),
  authors: z.array(z.string()),
  language: z.string().nullable(),
  subjects: z.array(z.string()),
  isbn: z.string().nullable(),
  sizeBytes: z.number().int().min(0),
  coverUrl: z.string().nullable(),
  access: EbookAccess,
  categoryIds: z.array(Id),
  downloads: z.number().int().min(0),
  createdAt: IsoDateTime,
  /** Withdrawn titles leave the kiosks and the OPDS feed; their statistics stay. */
  withdrawnAt: z.nullable(IsoDateTime),
});
export type StaffEbook = z.infer<typeof StaffEbook>;

export const StaffEbookList = z.object({ ebooks: z.array(StaffEbook), categories: z.array(EbookCategory) });
export type StaffEbookList = z.infer<typeof StaffEbookList>;

/** The answer to an upload; `duplicate`: the same file was already in the collection. */
export const EbookUploaded = z.object({ ebook: StaffEbook, duplicate: z.boolean() });
export type EbookUploaded = z.infer<typeof EbookUploaded>;

/** What staff may change about a title; anything left out stays as it is. */
export const EbookChange = z
  .object({
    access: z.optional(EbookAccess),
    categoryIds: z.array(Id).max(50).optional(),
    withdrawn: z.boolean().optional(),
  })
  .strict();
export type EbookChange = z.infer<typeof EbookChange>;

/** A category name: it goes into the OPDS feed, so it holds no character XML forbids. */
const categoryName = (max: number) =>
  z.string().trim().min(1).max(max).refine((name) => !hasXmlForbidden(name));

export const CategoryDraft = z
  .object({
    nameZh: categoryName(40),
    nameEn: categoryName(60),
    sort: z.number().int().min(0).max(9999).default(0),
  })
  .strict();
export type CategoryDraft = z.infer<typeof CategoryDraft>;
