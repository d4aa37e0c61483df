/** Barcode labels for the embedded library's items (admin/labels): which items, drawn in which symbology. */
import { z } from 'zod/mini';

/** Code 128 takes any barcode the hub accepts; Codabar only digits and `-$:/.+` (most Chinese libraries' older labels). */
export const LabelSymbology = z.enum(['code128', 'codabar']);
export type LabelSymbology = z.infer<typeof LabelSymbology>;

export const LabelSettings = z.object({ symbology: LabelSymbology });
export type LabelSettings = z.infer<typeof LabelSettings>;

/** At most this many labels per answer (50 A4 sheets of 24); `offset` pages on. */
export const LABELS_PER_PAGE = 1200;

/** The items of an import (its id), or the barcodes listed (comma-separated). */
export const LabelQuery = z
  .object({
    import: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    barcodes: z.optional(
      z.pipe(
        z.string().check(z.maxLength(40_000)),
        z.transform((text) => text.split(',').map((barcode) => barcode.trim()).filter((barcode) => barcode !== '')),
      ),
    ),
    offset: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
  })
  .check(z.refine((query) => (query.import === undefined) !== (query.barcodes === undefined), { message: 'importOrBarcodes' }));
export type LabelQuery = z.output<typeof LabelQuery>;

export const Label = z.object({ barcode: z.string(), title: z.string(), callNumber: z.nullable(z.string()) });
export type Label = z.infer<typeof Label>;

export const LabelSheet = z.object({
  symbology: LabelSymbology,
  labels: z.array(Label),
  /** Labels in the whole request; more than `labels` when paged. */
  total: z.int().check(z.minimum(0)),
  offset: z.int().check(z.minimum(0)),
  /** Barcodes asked for that are not in the library. */
  unknown: z.array(z.string()),
});
export type LabelSheet = z.infer<typeof LabelSheet>;
