/** Barcode labels for the embedded library's items (admin/labels): which items, drawn in which symbology. */
import { z } from 'zod';

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
    import: z.string().min(1).max(64).optional(),
    barcodes: z
      .string()
      .max(40_000)
      .transform((text) => text.split(',').map((barcode) => barcode.trim()).filter((barcode) => barcode !== ''))
      .optional(),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .refine((query) => (query.import === undefined) !== (query.barcodes === undefined), { message: 'importOrBarcodes' });
export type LabelQuery = z.output<typeof LabelQuery>;

export const Label = z.object({ barcode: z.string(), title: z.string(), callNumber: z.string().nullable() });
export type Label = z.infer<typeof Label>;

export const LabelSheet = z.object({
  symbology: LabelSymbology,
  labels: z.array(Label),
  /** Labels in the whole request; more than `labels` when paged. */
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  /** Barcodes asked for that are not in the library. */
  unknown: z.array(z.string()),
});
export type LabelSheet = z.infer<typeof LabelSheet>;
