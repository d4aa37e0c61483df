/** The receipt a patron takes on the phone: what the kiosk asks for, and what the hub answers. */
import { z } from 'zod/mini';
import { Language } from '../api/schemas';

/** How long a receipt page lives: long enough to see the due dates come. */
export const RECEIPT_TTL_DAYS = 14;

/** The kiosk asks only for the language: the items come from the hub's own record of the session. */
export const ReceiptRequest = z.object({ language: Language });
export type ReceiptRequest = z.infer<typeof ReceiptRequest>;

export const ReceiptIssued = z.object({
  /** The QR code's address: the receipt page on the hub. */
  receiptUrl: z.url(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type ReceiptIssued = z.infer<typeof ReceiptIssued>;

/** One line of a receipt: never the patron's name or card. */
export const ReceiptItem = z.object({ title: z.string(), barcode: z.string(), dueAt: z.iso.datetime({ offset: true }) });
export type ReceiptItem = z.infer<typeof ReceiptItem>;
