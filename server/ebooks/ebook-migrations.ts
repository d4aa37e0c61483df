/**
 * Schema steps for the e-book features, to be appended (in this order) to the hub's MIGRATIONS.
 * Like those, a shipped step is never edited. Times are ISO-8601 UTC strings.
 */
export const EBOOK_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE ebooks (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    format TEXT NOT NULL CHECK (format IN ('epub', 'pdf')),
    title TEXT NOT NULL,
    authors_json TEXT NOT NULL DEFAULT '[]',
    language TEXT,
    publisher TEXT,
    published TEXT,
    description TEXT,
    subjects_json TEXT NOT NULL DEFAULT '[]',
    isbn TEXT,
    -- Built once at upload (shared/ebooks/pinyin-keys.ts): pinyin for 10,000 titles takes seconds.
    search_keys_json TEXT NOT NULL,
    -- Relative to DATA_DIR, e.g. ebooks/<sha256>.epub and covers/<sha256>.webp.
    cover_path TEXT,
    file_path TEXT NOT NULL,
    size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
    access TEXT NOT NULL DEFAULT 'open' CHECK (access IN ('open', 'card')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE ebook_categories (
    id INTEGER PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    sort INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE ebook_category_links (
    ebook_id INTEGER NOT NULL REFERENCES ebooks (id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES ebook_categories (id) ON DELETE CASCADE,
    PRIMARY KEY (ebook_id, category_id)
  );
  CREATE INDEX ebook_category_links_by_category ON ebook_category_links (category_id);

  -- Only the SHA-256 of a ticket's token is kept: a leaked database holds no working download link.
  CREATE TABLE download_tickets (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    short_code TEXT NOT NULL,
    ebook_id INTEGER NOT NULL REFERENCES ebooks (id) ON DELETE CASCADE,
    kiosk_id TEXT NOT NULL,
    patron_card TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    downloads_left INTEGER NOT NULL CHECK (downloads_left >= 0),
    cancelled_at TEXT
  );
  CREATE INDEX download_tickets_by_short_code ON download_tickets (short_code, expires_at);

  -- A statistics record of every download. Card numbers only: never names.
  CREATE TABLE ebook_downloads (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES download_tickets (id) ON DELETE CASCADE,
    ebook_id INTEGER NOT NULL REFERENCES ebooks (id) ON DELETE CASCADE,
    kiosk_id TEXT NOT NULL,
    patron_card TEXT,
    at TEXT NOT NULL
  );
  CREATE INDEX ebook_downloads_by_patron ON ebook_downloads (patron_card, at) WHERE patron_card IS NOT NULL;
  `,
];
