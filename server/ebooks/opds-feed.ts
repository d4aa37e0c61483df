/**
 * OPDS 1.2 (an Atom acquisition feed) of the `open` titles, so patrons can add the library to
 * a reading app. Links are relative to the feed's own URL. All file-derived text is escaped.
 */
import type { LibraryName } from '../settings/library-name';
import { escapeXml } from '../http/escape-xml';
import { EBOOK_MEDIA_TYPES } from '../../shared/ebooks/schemas';
import { OPDS, opdsFilePath } from '../../shared/api/routes';
import { coverUrlOf, type EbookRecord } from './ebook-catalogue';

export const OPDS_ACQUISITION_TYPE = 'application/atom+xml;profile=opds-catalog;kind=acquisition';

function entry(ebook: EbookRecord, categoriesOf: (ebookId: number) => string[]): string {
  const cover = ebook.coverPath ? coverUrlOf(ebook) : null;
  return [
    '<entry>',
    `<title>${escapeXml(ebook.title)}</title>`,
    `<id>urn:sha256:${ebook.sha256}</id>`,
    `<updated>${ebook.updatedAt}</updated>`,
    ...ebook.authors.map((author) => `<author><name>${escapeXml(author)}</name></author>`),
    ebook.language ? `<dc:language>${escapeXml(ebook.language)}</dc:language>` : '',
    ebook.publisher ? `<dc:publisher>${escapeXml(ebook.publisher)}</dc:publisher>` : '',
    ebook.published ? `<dc:issued>${escapeXml(ebook.published)}</dc:issued>` : '',
    ebook.isbn ? `<dc:identifier>urn:isbn:${escapeXml(ebook.isbn)}</dc:identifier>` : '',
    ebook.description ? `<summary type="text">${escapeXml(ebook.description)}</summary>` : '',
    ...categoriesOf(ebook.id).map((name) => `<category term="${escapeXml(name)}" label="${escapeXml(name)}"/>`),
    cover ? `<link rel="http://opds-spec.org/image" href="${escapeXml(cover)}" type="image/webp"/>` : '',
    cover ? `<link rel="http://opds-spec.org/image/thumbnail" href="${escapeXml(cover)}" type="image/webp"/>` : '',
    `<link rel="http://opds-spec.org/acquisition/open-access" href="${opdsFilePath(ebook.id)}" type="${EBOOK_MEDIA_TYPES[ebook.format]}" length="${ebook.sizeBytes}"/>`,
    '</entry>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export function opdsFeed(options: { libraryName: LibraryName; ebooks: EbookRecord[]; categoriesOf: (ebookId: number) => string[]; now: Date }): string {
  const updated = options.ebooks.reduce((latest, ebook) => (ebook.updatedAt > latest ? ebook.updatedAt : latest), new Date(0).toISOString());
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/terms/" xmlns:opds="http://opds-spec.org/2010/catalog">
<id>urn:library-kiosk:opds</id>
<title>${escapeXml(`${options.libraryName['zh-CN']} · ${options.libraryName.en}`)}</title>
<updated>${options.ebooks.length > 0 ? updated : options.now.toISOString()}</updated>
<link rel="self" href="${OPDS.feed}" type="${OPDS_ACQUISITION_TYPE}"/>
<link rel="start" href="${OPDS.feed}" type="${OPDS_ACQUISITION_TYPE}"/>
${options.ebooks.map((ebook) => entry(ebook, options.categoriesOf)).join('\n')}
</feed>
`;
}
