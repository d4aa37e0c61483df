/**
 * As-you-type catalogue search for the kiosk. Deliberately free of any pinyin dictionary: the hub
 * builds the keys (shared/ebooks/pinyin-keys.ts) and ships them with the catalogue, so this file
 * is all the kiosk bundles.
 */
import type { SearchKeys } from './schemas';

/** Lower-cased, width-folded (ＡＢＣ → abc), trimmed: how both keys and queries are compared. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

/**
 * True when every word of the query occurs in a title, author or subject (prefix or substring),
 * or when the query without spaces occurs in a full-pinyin or initials key ("hong lou" = "honglou").
 */
export function matches(query: string, keys: SearchKeys): boolean {
  const normalized = normalizeForSearch(query);
  if (normalized === '') return true;
  const words = normalized.split(/\s+/);
  if (words.every((word) => keys.text.some((key) => key.includes(word)) || inPinyin(word, keys))) return true;
  return inPinyin(words.join(''), keys);
}

function inPinyin(compact: string, keys: SearchKeys): boolean {
  return keys.pinyin.some((key) => key.includes(compact)) || keys.initials.some((key) => key.includes(compact));
}
