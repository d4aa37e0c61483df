/**
 * What the admin panel and the hub exchange about the e-book collection: the staff's list,
 * an upload's answer, a change to one title, a category. Validated on both sides.
 */
import { z } from 'zod/mini';
import { EbookAccess, EbookCategory, EbookFormat, IsoDateTime } from './schemas';
import { hasXmlForbidden } from './xml-chars';
const Id = z.int().check(z.positive());

/** One title as staff see it: the catalogue entry's essentials, downloads, and whether it is withdrawn. */
export const StaffEbook = z.object({
  id: Id,
  format: EbookFormat,
  title: z.string(),
  authors: z.array(z.string()),
  language: z.nullable(z.string()),
  subjects: z.array(z.string()),
  isbn: z.nullable(z.string()),
  sizeBytes: z.int().check(z.minimum(0)),
  coverUrl: z.nullable(z.string()),
  access: EbookAccess,
  categoryIds: z.array(Id),
  downloads: z.int().check(z.minimum(0)),
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
export const EbookChange = z.strictObject({
  access: z.optional(EbookAccess),
  categoryIds: z.optional(z.array(Id).check(z.maxLength(50))),
  withdrawn: z.optional(z.boolean()),
});
export type EbookChange = z.infer<typeof EbookChange>;

/** A category name: it goes into the OPDS feed, so it holds no character XML forbids. */
const categoryName = (max: number) =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(max), z.refine((name) => !hasXmlForbidden(name)));

export const CategoryDraft = z.strictObject({
  nameZh: categoryName(40),
  nameEn: categoryName(60),
  sort: z._default(z.int().check(z.minimum(0), z.maximum(9999)), 0),
});
export type CategoryDraft = z.infer<typeof CategoryDraft>;
