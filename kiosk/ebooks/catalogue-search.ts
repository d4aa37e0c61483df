/**
 * As-you-type search over the cached catalogue, within one frame with 100,000 titles. It finds
 * what `matches()` (shared/ebooks/pinyin-search.ts) finds, faster: each title's keys are joined
 * once into two strings (all keys; pinyin and initials), kept beside the title, and a query that
 * extends the previous one over the same titles (the patron typed a letter) looks only through the
 * previous results: a title that does not match "hl" cannot match "hlm".
 */
import { normalizeForSearch } from '../../shared/ebooks/pinyin-search';
import type { EbookSummary } from '../../shared/ebooks/schemas';

/** Joins keys: a query word never holds it, since words are split at white space. */
const SEPARATOR = '\n';

interface Haystack {
  all: string;
  pinyin: string;
}

const haystacks = new WeakMap<EbookSummary, Haystack>();

function haystackOf(ebook: EbookSummary): Haystack {
  let haystack = haystacks.get(ebook);
  if (!haystack) {
    const { text, pinyin, initials } = ebook.searchKeys;
    const spelled = [...pinyin, ...initials].join(SEPARATOR);
    haystack = { all: `${text.join(SEPARATOR)}${SEPARATOR}${spelled}`, pinyin: spelled };
    haystacks.set(ebook, haystack);
  }
  return haystack;
}

let last: { ebooks: readonly EbookSummary[]; query: string; results: EbookSummary[] } | null = null;

export function searchCatalogue(ebooks: readonly EbookSummary[], query: string): EbookSummary[] {
  const normalized = normalizeForSearch(query);
  if (normalized === '') return [...ebooks];
  const words = normalized.split(/\s+/);
  const compact = words.join('');
  const candidates = last && last.ebooks === ebooks && normalized.startsWith(last.query) ? last.results : ebooks;
  const results: EbookSummary[] = [];
  for (const ebook of candidates) {
    const { all, pinyin } = haystackOf(ebook);
    // Every word in some key, or the words run together in a full-pinyin or initials key ("hong lou").
    if (words.length === 1 ? all.includes(compact) : words.every((word) => all.includes(word)) || pinyin.includes(compact)) results.push(ebook);
  }
  last = { ebooks, query: normalized, results };
  return results;
}
