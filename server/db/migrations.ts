/**
 * Schema changes, applied in order. Step i brings the database to `PRAGMA user_version = i + 1`.
 * Never edit a step that has shipped: add a new one.
 * Times are ISO-8601 UTC strings (they sort as text); dates are YYYY-MM-DD.
 */
import { EBOOK_MIGRATIONS } from '../ebooks/ebook-migrations';

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value_json TEXT NOT NULL
  );

  CREATE TABLE patrons (
    id INTEGER PRIMARY KEY,
    card_number TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    full_name TEXT NOT NULL,
    pin_hash TEXT NOT NULL,
    pin_change_required INTEGER NOT NULL DEFAULT 0 CHECK (pin_change_required IN (0, 1)),
    expires_on TEXT NOT NULL,
    fines_minor INTEGER NOT NULL DEFAULT 0 CHECK (fines_minor >= 0),
    manual_block INTEGER NOT NULL DEFAULT 0 CHECK (manual_block IN (0, 1)),
    created_at TEXT NOT NULL
  );

  CREATE TABLE items (
    barcode TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    author TEXT NOT NULL,
    isbn TEXT,
    call_number TEXT,
    cover_url TEXT,
    loan_type TEXT NOT NULL DEFAULT 'normal' CHECK (loan_type IN ('normal', 'reference'))
  );

  CREATE TABLE loans (
    id INTEGER PRIMARY KEY,
    item_barcode TEXT NOT NULL REFERENCES items (barcode),
    patron_id INTEGER NOT NULL REFERENCES patrons (id),
    checked_out_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    renewals INTEGER NOT NULL DEFAULT 0,
    returned_at TEXT
  );
  CREATE UNIQUE INDEX loans_one_open_per_item ON loans (item_barcode) WHERE returned_at IS NULL;
  CREATE INDEX loans_open_by_patron ON loans (patron_id) WHERE returned_at IS NULL;

  CREATE TABLE holds (
    id INTEGER PRIMARY KEY,
    item_barcode TEXT NOT NULL REFERENCES items (barcode),
    patron_id INTEGER NOT NULL REFERENCES patrons (id),
    placed_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'fulfilled', 'cancelled'))
  );
  CREATE INDEX holds_waiting_by_item ON holds (item_barcode) WHERE status = 'waiting';
  CREATE INDEX holds_waiting_by_patron ON holds (patron_id) WHERE status = 'waiting';

  CREATE TABLE kiosks (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    mode TEXT NOT NULL DEFAULT 'both' CHECK (mode IN ('checkout', 'ebooks', 'both')),
    default_language TEXT NOT NULL DEFAULT 'zh-CN' CHECK (default_language IN ('zh-CN', 'en')),
    idle_timeout_seconds INTEGER NOT NULL DEFAULT 60,
    idle_countdown_seconds INTEGER NOT NULL DEFAULT 20,
    sound INTEGER NOT NULL DEFAULT 1 CHECK (sound IN (0, 1)),
    receipt TEXT NOT NULL DEFAULT 'ask' CHECK (receipt IN ('ask', 'always', 'never')),
    created_at TEXT NOT NULL,
    last_seen_at TEXT
  );

  CREATE TABLE kiosk_device_tokens (
    token_hash TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL REFERENCES kiosks (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
  );

  CREATE TABLE pin_failures (
    card_number TEXT PRIMARY KEY,
    failed_count INTEGER NOT NULL,
    last_attempt_at TEXT NOT NULL,
    locked_until TEXT
  );

  CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  -- A statistics record of every circulation attempt. Card numbers only: never names or PINs.
  CREATE TABLE transactions (
    id INTEGER PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('checkout', 'checkin', 'renew', 'signin')),
    item_barcode TEXT,
    patron_card TEXT,
    result TEXT NOT NULL CHECK (result IN ('ok', 'refused')),
    code TEXT,
    created_at TEXT NOT NULL,
    request_id TEXT,
    response_json TEXT,
    UNIQUE (kiosk_id, request_id)
  );
  CREATE INDEX transactions_by_time ON transactions (created_at);
  `,
  // The camera a kiosk scans with (MediaDeviceInfo.deviceId); NULL: the browser's default camera.
  `ALTER TABLE kiosks ADD COLUMN camera_device_id TEXT;`,
  // E-books: files, categories, download tickets, downloads (server/ebooks/ebook-migrations.ts).
  ...EBOOK_MIGRATIONS,
  // Staff withdraw an e-book rather than delete it: its downloads stay in the statistics.
  `ALTER TABLE ebooks ADD COLUMN withdrawn_at TEXT;`,
];
