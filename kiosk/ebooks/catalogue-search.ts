/**
 * As-you-type search over the cached catalogue, within one frame with 100,000 titles. It finds
 * what `matches()` (shared/ebooks/pinyin-search.ts) finds, faster:
 * - each title's keys are joined once into one string, and a catalogue's strings into one text
 *   searched with the engine's `indexOf`, which skips from one hit to the next title's start;
 * - a query that extends the previous one over the same titles (the patron typed a letter) looks
 *   only through the previous results: a title that does not match "hl" cannot match "hlm".
 */
import { normalizeForSearch } from '../../shared/ebooks/pinyin-search';
import type { EbookSummary } from '../../shared/ebooks/schemas';

/** Joins keys, and titles: a query word never holds it, since words are split at white space. */
const SEPARATOR = '\n';

/** A title's keys: `all` of them, and `spelled`, the full-pinyin and initials keys. */
interface Haystack {
  all: string;
  spelled: string;
}

const haystacks = new WeakMap<EbookSummary, Haystack>();

function haystackOf(ebook: EbookSummary): Haystack {
  let haystack = haystacks.get(ebook);
  if (!haystack) {
    const { text, pinyin, initials } = ebook.searchKeys;
    const spelled = [...pinyin, ...initials].join(SEPARATOR);
    haystack = { all: `${text.join(SEPARATOR)}${SEPARATOR}${spelled}`, spelled };
    haystacks.set(ebook, haystack);
  }
  return haystack;
}

/**
 * Joins the keys of titles as they arrive (a sync page, a chunk of the copy), and a whole
 * catalogue's once it is kept, so no keystroke waits for 100,000.
 */
export function prepareForSearch(ebooks: readonly EbookSummary[], whole: boolean): void {
  if (whole) corpusOf(ebooks);
  else for (const ebook of ebooks) haystackOf(ebook);
}

/** A catalogue's keys as one text; title i's run from `starts[i]` to `starts[i + 1]`. */
interface Corpus {
  text: string;
  starts: Int32Array;
}

const corpora = new WeakMap<readonly EbookSummary[], Corpus>();

function corpusOf(ebooks: readonly EbookSummary[]): Corpus {
  let corpus = corpora.get(ebooks);
  if (!corpus) {
    const starts = new Int32Array(ebooks.length + 1);
    const parts: string[] = [];
    let at = 0;
    ebooks.forEach((ebook, i) => {
      starts[i] = at;
      const { all } = haystackOf(ebook);
      parts.push(all);
      at += all.length + SEPARATOR.length;
    });
    starts[ebooks.length] = at;
    corpus = { text: parts.join(SEPARATOR) + SEPARATOR, starts };
    corpora.set(ebooks, corpus);
  }
  return corpus;
}

/** Every title whose keys hold `word`, in catalogue order. */
function holding(ebooks: readonly EbookSummary[], word: string): EbookSummary[] {
  const { text, starts } = corpusOf(ebooks);
  const found: EbookSummary[] = [];
  let title = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, starts[title]!)) {
    while (starts[title + 1]! <= at) title++;
    found.push(ebooks[title]!);
    title++;
  }
  return found;
}

/** Previous results looked through one by one; more are searched in the whole text again. */
const NARROW_BELOW = 2000;

let last: { ebooks: readonly EbookSummary[]; query: string; results: EbookSummary[] } | null = null;

export function searchCatalogue(ebooks: readonly EbookSummary[], query: string): EbookSummary[] {
  const normalized = normalizeForSearch(query);
  if (normalized === '') return [...ebooks];
  const words = normalized.split(/\s+/);
  const compact = words.join('');
  // Looking through a title's own keys is slower per title than indexOf over the text: worth it for few.
  const narrowing = last !== null && last.ebooks === ebooks && normalized.startsWith(last.query) && last.results.length <= NARROW_BELOW;
  let results: EbookSummary[];
  if (!narrowing && words.length === 1) {
    results = holding(ebooks, compact);
  } else {
    results = [];
    for (const ebook of narrowing ? last!.results : ebooks) {
      const { all, spelled } = haystackOf(ebook);
      // Every word in some key, or the words run together in a full-pinyin or initials key ("hong lou").
      if (words.length === 1 ? all.includes(compact) : words.every((word) => all.includes(word)) || spelled.includes(compact)) results.push(ebook);
    }
  }
  last = { ebooks, query: normalized, results };
  return results;
}
