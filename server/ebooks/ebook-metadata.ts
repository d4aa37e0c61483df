/** What we learn about an e-book from the file itself. All of it is untrusted plain text. */
export interface EbookMetadata {
  title: string | null;
  authors: string[];
  language: string | null;
  publisher: string | null;
  /** As the file states it: a year, a date or a date-time. */
  published: string | null;
  description: string | null;
  subjects: string[];
  identifiers: string[];
  /** The first identifier that is an ISBN, always as ISBN-13 (shared/barcodes/isbn.ts), as items have it. */
  isbn: string | null;
}

export const EMPTY_METADATA: EbookMetadata = {
  title: null,
  authors: [],
  language: null,
  publisher: null,
  published: null,
  description: null,
  subjects: [],
  identifiers: [],
  isbn: null,
};
