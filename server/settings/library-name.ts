import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { readSetting } from './settings';

const LibraryName = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });
export type LibraryName = z.infer<typeof LibraryName>;

export const LIBRARY_NAME_SETTING = 'libraryName';
export const DEFAULT_LIBRARY_NAME: LibraryName = { 'zh-CN': '示范县图书馆', en: 'Demo County Library' };

export function loadLibraryName(db: Database): LibraryName {
  const stored = readSetting(db, LIBRARY_NAME_SETTING);
  return stored === undefined ? DEFAULT_LIBRARY_NAME : LibraryName.parse(stored);
}
