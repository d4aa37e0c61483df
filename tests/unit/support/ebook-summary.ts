/** An e-book as the hub lists it to kiosks, for kiosk-side tests: a plain open EPUB unless `overrides` say otherwise. */
import { buildSearchKeys } from '../../../shared/ebooks/pinyin-keys';
import type { EbookSummary } from '../../../shared/ebooks/schemas';

export function ebookSummary(id: number, title: string, overrides: Partial<EbookSummary> = {}): EbookSummary {
  return {
    id,
    format: 'epub',
    title,
    authors: [],
    language: 'zh',
    publisher: null,
    published: null,
    description: null,
    subjects: [],
    isbn: null,
    coverUrl: null,
    sizeBytes: 1000,
    access: 'open',
    categoryIds: [],
    // The keys the hub would build for the title and authors.
    searchKeys: buildSearchKeys({ title, authors: overrides.authors ?? [], subjects: overrides.subjects ?? [] }),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
