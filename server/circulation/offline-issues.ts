/**
 * Offline transactions the hub or ILS did not take as made (conflicts, refusals), for staff until
 * one of them marks each handled. Read from the transaction log, where the replay put them.
 */
import type { Database } from 'better-sqlite3';
import type { OfflineIssue } from '../../shared/api/offline-staff-schemas';
import type { Clock } from '../clock';

/** The newest first; more than this open at once means a kiosk problem, not a list to work through. */
const LIST_LIMIT = 500;

interface IssueRow {
  id: number;
  created_at: string;
  kiosk_id: string;
  kiosk_name: string | null;
  type: OfflineIssue['type'];
  patron_card: string | null;
  item_barcode: string;
  offline_outcome: OfflineIssue['outcome'];
  offline_code: OfflineIssue['code'];
  handled_at: string | null;
  handled_by: string | null;
}

export class OfflineIssues {
  private readonly sql;

  constructor(
    db: Database,
    private readonly now: Clock,
  ) {
    const issues = `SELECT t.id, t.created_at, t.kiosk_id, k.name AS kiosk_name, t.type, t.patron_card, t.item_barcode, t.offline_outcome,
                           t.offline_code, t.handled_at, t.handled_by
                      FROM transactions t LEFT JOIN kiosks k ON k.id = t.kiosk_id WHERE t.offline_outcome IN ('conflict', 'refused')`;
    this.sql = {
      open: db.prepare(`${issues} AND t.handled_at IS NULL ORDER BY t.created_at DESC, t.id DESC LIMIT ${LIST_LIMIT}`),
      all: db.prepare(`${issues} ORDER BY t.created_at DESC, t.id DESC LIMIT ${LIST_LIMIT}`),
      markHandled: db.prepare(
        `UPDATE transactions SET handled_at = ?, handled_by = ?
          WHERE id = ? AND offline_outcome IN ('conflict', 'refused') AND handled_at IS NULL`,
      ),
      itemOf: db.prepare(`SELECT item_barcode FROM transactions WHERE id = ? AND offline_outcome IN ('conflict', 'refused')`).pluck(),
    };
  }

  list(include: 'open' | 'all'): OfflineIssue[] {
    return (this.sql[include].all() as IssueRow[]).map(toIssue);
  }

  /** The issue's item barcode (for the audit log); null: no such issue. Marking an issue already handled keeps who handled it first. */
  markHandled(id: number, username: string): string | null {
    this.sql.markHandled.run(this.now().toISOString(), username, id);
    return (this.sql.itemOf.get(id) as string | undefined) ?? null;
  }
}

function toIssue(row: IssueRow): OfflineIssue {
  return {
    id: row.id,
    at: row.created_at,
    kioskId: row.kiosk_id,
    kioskName: row.kiosk_name,
    type: row.type,
    cardNumber: row.patron_card,
    itemBarcode: row.item_barcode,
    outcome: row.offline_outcome,
    code: row.offline_code,
    handledAt: row.handled_at,
    handledBy: row.handled_by,
  };
}
