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
    const issues = `SELECT id, created_at, kiosk_id, type, patron_card, item_barcode, offline_outcome, offline_code, handled_at, handled_by
                      FROM transactions WHERE offline_outcome IN ('conflict', 'refused')`;
    this.sql = {
      open: db.prepare(`${issues} AND handled_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ${LIST_LIMIT}`),
      all: db.prepare(`${issues} ORDER BY created_at DESC, id DESC LIMIT ${LIST_LIMIT}`),
      markHandled: db.prepare(
        `UPDATE transactions SET handled_at = ?, handled_by = ?
          WHERE id = ? AND offline_outcome IN ('conflict', 'refused') AND handled_at IS NULL`,
      ),
      exists: db.prepare(`SELECT 1 FROM transactions WHERE id = ? AND offline_outcome IN ('conflict', 'refused')`).pluck(),
    };
  }

  list(include: 'open' | 'all'): OfflineIssue[] {
    return (this.sql[include].all() as IssueRow[]).map(toIssue);
  }

  /** false: no such issue. Marking an issue already handled keeps who handled it first. */
  markHandled(id: number, username: string): boolean {
    this.sql.markHandled.run(this.now().toISOString(), username, id);
    return this.sql.exists.get(id) !== undefined;
  }
}

function toIssue(row: IssueRow): OfflineIssue {
  return {
    id: row.id,
    at: row.created_at,
    kioskId: row.kiosk_id,
    type: row.type,
    cardNumber: row.patron_card,
    itemBarcode: row.item_barcode,
    outcome: row.offline_outcome,
    code: row.offline_code,
    handledAt: row.handled_at,
    handledBy: row.handled_by,
  };
}
