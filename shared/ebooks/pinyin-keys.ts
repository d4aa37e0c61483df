/**
 * Builds the search keys the kiosk matches against (see pinyin-search.ts). Runs on the hub:
 * pinyin-pro's dictionary is far too large for the kiosk bundle.
 */
import { pinyin, polyphonic } from 'pinyin-pro';
import { normalizeForSearch } from './pinyin-search';
import type { SearchKeys } from './schemas';

/** Polyphonic titles (水浒传: chuan/zhuan) get several spellings; this caps the combinations. */
const MAX_SPELLINGS_PER_TEXT = 8;
const HAN = /\p{Script=Han}/u;

export function buildSearchKeys(fields: { title: string; authors: string[]; subjects: string[] }): SearchKeys {
  const texts = [fields.title, ...fields.authors, ...fields.subjects].map(normalizeForSearch).filter((t) => t !== '');
  const pinyinKeys = new Set<string>();
  const initialKeys = new Set<string>();
  for (const text of [fields.title, ...fields.authors]) {
    if (!HAN.test(text)) continue;
    for (const syllables of spellings(text)) {
      pinyinKeys.add(syllables.join(''));
      initialKeys.add(syllables.map((s) => s[0] ?? '').join(''));
    }
  }
  return { text: [...new Set(texts)], pinyin: [...pinyinKeys], initials: [...initialKeys] };
}

/**
 * Each spelling is one syllable per Han character (contextual reading first, then the other
 * readings), with runs of letters and digits kept as lower-case words and everything else dropped.
 */
function spellings(text: string): string[][] {
  const chars = [...text.normalize('NFKC')];
  const contextual = pinyin(text.normalize('NFKC'), { toneType: 'none', type: 'array' });
  const alternatives = polyphonic(text.normalize('NFKC'), { toneType: 'none', type: 'array' });
  const slots: string[][] = [];
  let word = '';
  chars.forEach((char, i) => {
    if (HAN.test(char)) {
      if (word) slots.push([word]);
      word = '';
      const readings = [contextual[i], ...(alternatives[i] ?? [])].filter((r): r is string => !!r && /^[a-zü]+$/.test(r));
      slots.push(readings.length > 0 ? [...new Set(readings)].map((r) => r.replace('ü', 'v')) : [char]);
    } else if (/[\p{L}\p{N}]/u.test(char)) {
      word += char.toLowerCase();
    } else {
      if (word) slots.push([word]);
      word = '';
    }
  });
  if (word) slots.push([word]);
  return slots.reduce<string[][]>(
    (combos, slot) => combos.flatMap((combo) => slot.map((s) => [...combo, s])).slice(0, MAX_SPELLINGS_PER_TEXT),
    [[]],
  );
}
