/**
 * Hubs in the field sit at every shipped schema version. For each one: build a database at that
 * version with rows of the kind it held, migrate it to the latest, and check every row survived.
 * Adding a migration: append its fingerprint and the rows it makes possible to SHIPPED.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/database';
import { MIGRATIONS } from '../../../server/db/migrations';

const AT = '2026-03-02T02:00:00.000Z';

/** Step i's SHA-256 (first 16 hex digits) and rows a database at version i + 1 could hold. */
const SHIPPED: ReadonlyArray<{ fingerprint: string; rows: string }> = [
  {
    fingerprint: '412d9f7fc3d2630b',
    rows: `
      INSERT INTO settings (key, value_json) VALUES ('circulation', '{"maxLoans":8}');
      INSERT INTO patrons (id, card_number, display_name, full_name, pin_hash, pin_change_required, expires_on, fines_minor, manual_block, created_at)
        VALUES (1, '20140001', '张伟', '张伟', 'scrypt$hash', 1, '2028-03-01', 250, 0, '${AT}');
      INSERT INTO items (barcode, title, author, isbn, call_number, cover_url, loan_type)
        VALUES ('39010001', '活着', '余华', '9787506365437', 'I247.5/1', NULL, 'normal'),
               ('39010002', '辞海', '编委会', NULL, 'Z32', NULL, 'reference');
      INSERT INTO loans (id, item_barcode, patron_id, checked_out_at, due_at, renewals, returned_at)
        VALUES (1, '39010001', 1, '${AT}', '2026-04-01T02:00:00.000Z', 1, NULL);
      INSERT INTO holds (id, item_barcode, patron_id, placed_at, status) VALUES (1, '39010001', 1, '${AT}', 'waiting');
      INSERT INTO kiosks (id, name, mode, default_language, created_at, last_seen_at) VALUES ('front-desk', '大厅', 'checkout', 'en', '${AT}', '${AT}');
      INSERT INTO kiosk_device_tokens (token_hash, kiosk_id, created_at) VALUES ('abc123', 'front-desk', '${AT}');
      INSERT INTO pin_failures (card_number, failed_count, last_attempt_at, locked_until) VALUES ('20140009', 5, '${AT}', '${AT}');
      INSERT INTO staff (id, username, password_hash, created_at) VALUES (1, 'admin', 'scrypt$staff', '${AT}');
      INSERT INTO transactions (kiosk_id, type, item_barcode, patron_card, result, code, created_at, request_id, response_json)
        VALUES ('front-desk', 'checkout', '39010001', '20140001', 'ok', NULL, '${AT}', 'req-1', '{"ok":true}');`,
  },
  {
    fingerprint: '9d83844a47fc7a20',
    rows: `INSERT INTO kiosks (id, name, created_at, camera_device_id) VALUES ('reading-room', '阅览室', '${AT}', 'camera-2');`,
  },
  {
    fingerprint: 'a60814b9d1b8d577',
    rows: `
      INSERT INTO ebooks (id, sha256, format, title, authors_json, language, subjects_json, search_keys_json, cover_path, file_path, size_bytes, access, created_at, updated_at)
        VALUES (1, 'ab12', 'epub', '三体', '["刘慈欣"]', 'zh', '["科幻"]', '{"title":"santi"}', 'covers/ab12.webp', 'ebooks/ab12.epub', 1024, 'card', '${AT}', '${AT}');
      INSERT INTO ebook_categories (id, name_zh, name_en, sort) VALUES (1, '科幻', 'Science fiction', 2);
      INSERT INTO ebook_category_links (ebook_id, category_id) VALUES (1, 1);
      INSERT INTO download_tickets (id, token_hash, short_code, ebook_id, kiosk_id, patron_card, created_at, expires_at, downloads_left, cancelled_at)
        VALUES (1, 'ticket-hash', 'K7M2Q9', 1, 'front-desk', '20140001', '${AT}', '${AT}', 2, NULL);
      INSERT INTO ebook_downloads (ticket_id, ebook_id, kiosk_id, patron_card, at) VALUES (1, 1, 'front-desk', '20140001', '${AT}');`,
  },
  {
    fingerprint: '8c2bc3049ed6ea99',
    rows: `
      INSERT INTO ebooks (id, sha256, format, title, search_keys_json, file_path, size_bytes, created_at, updated_at, withdrawn_at)
        VALUES (2, 'cd34', 'pdf', '旧书', '{}', 'ebooks/cd34.pdf', 10, '${AT}', '${AT}', '${AT}');`,
  },
  {
    fingerprint: 'def033f5c6539c4a',
    rows: `
      INSERT INTO pin_locks (card_number, locked_at) VALUES ('20140009', '${AT}');
      INSERT INTO sign_in_failures (kiosk_id, address, at) VALUES ('front-desk', '192.0.2.10', '${AT}');`,
  },
  {
    fingerprint: 'c1fedee1402189cc',
    rows: `
      INSERT INTO staff (id, username, password_hash, created_at, role, disabled_at, password_change_required, last_sign_in_at)
        VALUES (2, 'liwei', 'scrypt$staff2', '${AT}', 'librarian', '${AT}', 1, '${AT}');
      INSERT INTO staff_sessions (token_hash, staff_id, scope, created_at, last_used_at) VALUES ('session-hash', 2, 'passwordChange', '${AT}', '${AT}');
      INSERT INTO staff_sign_in_failures (username_key, address, at) VALUES ('liwei', '192.0.2.20', '${AT}');
      INSERT INTO staff_audit (at, staff_id, username, action, target, address) VALUES ('${AT}', 1, 'admin', 'staff.created', 'liwei', '192.0.2.20');`,
  },
  {
    fingerprint: '7f928f5ba47d56e6',
    rows: `
      INSERT INTO receipt_tickets (token_hash, kiosk_id, language, items_json, created_at, expires_at, device_hash)
        VALUES ('receipt-hash', 'front-desk', 'zh-CN', '[{"title":"活着","barcode":"39010001","dueAt":"2026-04-01T02:00:00.000Z"}]', '${AT}', '2026-03-16T02:00:00.000Z', 'cookie-hash');`,
  },
  {
    fingerprint: '89ddb322a7da8cf1',
    rows: `
      INSERT INTO transactions (kiosk_id, type, item_barcode, patron_card, result, code, created_at, offline)
        VALUES ('front-desk', 'checkin', '39010001', NULL, 'ok', NULL, '${AT}', 1);
      INSERT INTO statistics_daily (day, kiosk_id, event, result, code, offline, count) VALUES ('2026-03-02', 'front-desk', 'checkout', 'refused', 'item.notForLoan', 0, 3);
      INSERT INTO statistics_patron_days (day, kiosk_id, patron_hash) VALUES ('2026-03-02', 'front-desk', 181149821003264);
      INSERT INTO statistics_progress (source, last_id) VALUES ('transactions', 2);`,
  },
  {
    fingerprint: 'bfdd300a514845f1',
    rows: `
      INSERT INTO transactions (kiosk_id, type, item_barcode, patron_card, result, code, created_at, request_id, offline, offline_outcome, offline_code, handled_at, handled_by)
        VALUES ('front-desk', 'checkout', '39010002', '20140001', 'ok', NULL, '${AT}', 'req-offline-1', 1, 'conflict', 'item.onLoanToOther', '${AT}', 'liwei');`,
  },
  {
    fingerprint: '032f99b2cdb07988',
    rows: `
      INSERT INTO patrons (id, card_number, display_name, full_name, pin_hash, expires_on, manual_block, manual_block_reason, created_at)
        VALUES (2, '20140002', '李娜', '李娜', 'scrypt$hash2', '2028-03-01', 1, '借书证遗失，待补办', '${AT}');`,
  },
  {
    fingerprint: 'ed39de7c06b17f4c',
    rows: `
      INSERT INTO kiosk_profiles (id, name, settings_json, created_at, updated_at) VALUES (7, '少儿阅览室', '{"mode":"ebooks","idleTimeoutSeconds":90}', '${AT}', '${AT}');
      INSERT INTO kiosks (id, name, created_at, profile_id, location, revoked_at, heartbeat_json, heartbeat_at)
        VALUES ('children', '少儿', '${AT}', 7, '二楼', '${AT}', '{"state":"attract"}', '${AT}');
      INSERT INTO kiosk_pairing_codes (kiosk_id, code_hash, expires_at, wrong_tries) VALUES ('children', 'code-hash', '${AT}', 2);`,
  },
  {
    fingerprint: '129b58043a0a5973',
    rows: `
      INSERT INTO items (barcode, title, author, publisher, year, language, location) VALUES ('NJ000001', '平凡的世界', '路遥', '北京十月文艺出版社', '2012', 'chi', '农家书屋');
      INSERT INTO patrons (id, card_number, display_name, full_name, pin_hash, expires_on, category, created_at)
        VALUES (3, '20149001', '赵小明', '赵小明', '', '2028-06-30', '学生', '${AT}');`,
  },
  {
    fingerprint: '13f8a0541f7b9596',
    rows: `
      INSERT INTO statistics_patron_periods (period, kiosk_id, patron_hash) VALUES ('2026-03', '', 181149821003265);
      INSERT INTO statistics_patron_counts (period, kiosk_id, patrons) VALUES ('2026-03', '', 2);`,
  },
];

const fingerprint = (sql: string) => createHash('sha256').update(sql).digest('hex').slice(0, 16);

/** A database as a hub that shipped with the first `version` steps left it, with its rows. */
function databaseAtVersion(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  MIGRATIONS.slice(0, version).forEach((sql, step) => {
    db.exec(sql);
    db.pragma(`user_version = ${step + 1}`);
  });
  for (const { rows } of SHIPPED.slice(0, version)) db.exec(rows);
  return db;
}

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]);
}

function contents(db: Database.Database): Record<string, unknown[]> {
  // A WITHOUT ROWID table is in its primary key's order.
  const order = (table: string) => (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table) as string).includes('WITHOUT ROWID') ? '' : 'ORDER BY rowid';
  return Object.fromEntries(tables(db).map((table) => [table, db.prepare(`SELECT * FROM ${table} ${order(table)}`).all()]));
}

function schema(db: Database.Database): unknown[] {
  return db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
}

describe('migrations', () => {
  it('make every staff account that existed before roles an admin', () => {
    const db = databaseAtVersion(5);
    migrate(db);
    expect(db.prepare('SELECT username, role FROM staff').all()).toEqual([{ username: 'admin', role: 'admin' }]);
  });

  it('move each kiosk’s own settings into a profile: today’s defaults share profile 1, others get their own', () => {
    const db = databaseAtVersion(10);
    db.exec(`UPDATE kiosks SET idle_timeout_seconds = 120, sound = 0 WHERE id = 'front-desk'`);
    migrate(db);
    const profiles = db.prepare('SELECT id, name, settings_json FROM kiosk_profiles ORDER BY id').all();
    expect(profiles).toEqual([
      { id: 1, name: '默认 / Default', settings_json: '{}' },
      {
        id: 2,
        name: '大厅 (front-desk)',
        settings_json: '{"mode":"checkout","defaultLanguage":"en","idleTimeoutSeconds":120,"idleCountdownSeconds":20,"sound":false,"receipt":"ask"}',
      },
    ]);
    expect(db.prepare('SELECT id, profile_id FROM kiosks ORDER BY id').all()).toEqual([
      { id: 'front-desk', profile_id: 2 },
      { id: 'reading-room', profile_id: 1 },
    ]);
  });

  it('fill the patrons per day for all kiosks, per month and per year from the patron days already rolled up', () => {
    const db = databaseAtVersion(12);
    db.exec(`
      INSERT INTO statistics_patron_days (day, kiosk_id, patron_hash) VALUES
        ('2026-03-02', 'reading-room', 181149821003264), ('2026-03-03', 'front-desk', 181149821003264),
        ('2026-03-03', 'front-desk', 7), ('2026-04-01', 'front-desk', 7), ('2027-01-01', 'front-desk', 8);`);
    migrate(db);
    const counts = Object.fromEntries(
      (db.prepare('SELECT period, kiosk_id, patrons FROM statistics_patron_counts').all() as { period: string; kiosk_id: string; patrons: number }[]).map(
        (row) => [`${row.period} ${row.kiosk_id || '*'}`, row.patrons],
      ),
    );
    expect(counts).toEqual({
      '2026-03-02 front-desk': 1, '2026-03-02 reading-room': 1, '2026-03-02 *': 1,
      '2026-03-03 front-desk': 2, '2026-03-03 *': 2,
      '2026-04-01 front-desk': 1, '2026-04-01 *': 1,
      '2027-01-01 front-desk': 1, '2027-01-01 *': 1,
      '2026-03 front-desk': 2, '2026-03 reading-room': 1, '2026-03 *': 2,
      '2026-04 front-desk': 1, '2026-04 *': 1,
      '2027-01 front-desk': 1, '2027-01 *': 1,
      '2026 front-desk': 2, '2026 reading-room': 1, '2026 *': 2,
      '2027 front-desk': 1, '2027 *': 1,
    });
    expect(db.prepare("SELECT COUNT(*) FROM statistics_patron_periods WHERE period = '2026' AND kiosk_id = ''").pluck().get()).toBe(2);
  });

  it('are one append-only list: every shipped step is unchanged, and each has rows in this test', () => {
    expect(MIGRATIONS.map(fingerprint)).toEqual(SHIPPED.map((step) => step.fingerprint));
  });

  it.each(SHIPPED.map((_, index) => index + 1))('bring a database at version %i to the latest with every row kept', (version) => {
    const db = databaseAtVersion(version);
    const before = contents(db);
    expect(Object.values(before).every((rows) => rows.length > 0), 'every table has a row').toBe(true);

    expect(migrate(db)).toBe(version);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const after = contents(db);
    for (const [table, rows] of Object.entries(before)) expect(after[table], table).toMatchObject(rows);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Migrated step by step or all at once, the schema is the same.
    const fresh = new Database(':memory:');
    migrate(fresh);
    expect(schema(db)).toEqual(schema(fresh));
  });
});
