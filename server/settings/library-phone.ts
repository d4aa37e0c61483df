/** The library's telephone number, shown on receipts on the phone; none until the library sets one. */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { readSetting, writeSetting } from './settings';

const LibraryPhone = z.string().trim().min(3).max(40);

export const LIBRARY_PHONE_SETTING = 'libraryPhone';

export function loadLibraryPhone(db: Database): string | null {
  const stored = readSetting(db, LIBRARY_PHONE_SETTING);
  return stored === undefined ? null : LibraryPhone.parse(stored);
}

export function saveLibraryPhone(db: Database, phone: string): void {
  writeSetting(db, LIBRARY_PHONE_SETTING, LibraryPhone.parse(phone));
}
