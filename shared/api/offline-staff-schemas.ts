/** The admin panel's Offline transactions page: what kiosks did offline that the hub or ILS did not take as made. */
import { z } from 'zod';
import { ItemBarcode, RefusalCode } from './schemas';

const IsoDateTime = z.iso.datetime({ offset: true });

export const OfflineIssue = z.object({
  id: z.number().int().positive(),
  /** When the patron did it at the kiosk. */
  at: IsoDateTime,
  kioskId: z.string(),
  /** The kiosk's name on the Kiosks page; null if it is gone. */
  kioskName: z.string().nullable(),
  type: z.enum(['checkout', 'checkin']),
  /** Checkouts only, and only while the log still holds it (statistics clear cards after 7 days). */
  cardNumber: z.string().nullable(),
  itemBarcode: ItemBarcode,
  outcome: z.enum(['conflict', 'refused']),
  code: z.nullable(RefusalCode),
  handledAt: z.nullable(IsoDateTime),
  handledBy: z.string().nullable(),
});
export type OfflineIssue = z.infer<typeof OfflineIssue>;

export const OfflineIssuesQuery = z.object({ include: z.enum(['open', 'all']).default('open') });
export const OfflineIssueList = z.object({ issues: z.array(OfflineIssue) });
export type OfflineIssueList = z.infer<typeof OfflineIssueList>;
export const OfflineIssueParams = z.object({ id: z.coerce.number().int().positive() });
