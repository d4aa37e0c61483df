/** The admin panel's Offline transactions page: what kiosks did offline that the hub or ILS did not take as made. */
import { z } from 'zod/mini';
import { ItemBarcode, RefusalCode } from './schemas';

const IsoDateTime = z.iso.datetime({ offset: true });

export const OfflineIssue = z.object({
  id: z.int().check(z.positive()),
  /** When the patron did it at the kiosk. */
  at: IsoDateTime,
  kioskId: z.string(),
  /** The kiosk's name on the Kiosks page; null if it is gone. */
  kioskName: z.nullable(z.string()),
  type: z.enum(['checkout', 'checkin']),
  /** Checkouts only, and only while the log still holds it (statistics clear cards after 7 days). */
  cardNumber: z.nullable(z.string()),
  itemBarcode: ItemBarcode,
  outcome: z.enum(['conflict', 'refused']),
  code: z.nullable(RefusalCode),
  handledAt: z.nullable(IsoDateTime),
  handledBy: z.nullable(z.string()),
});
export type OfflineIssue = z.infer<typeof OfflineIssue>;

export const OfflineIssuesQuery = z.object({ include: z._default(z.enum(['open', 'all']), 'open') });
export const OfflineIssueList = z.object({ issues: z.array(OfflineIssue) });
export type OfflineIssueList = z.infer<typeof OfflineIssueList>;
export const OfflineIssueParams = z.object({ id: z.coerce.number().check(z.int(), z.positive()) });
