/**
 * Writes a demo book as a real EPUB 3: `mimetype` stored first, container.xml, an OPF with
 * Dublin Core metadata and a `cover-image` item, nav.xhtml and one XHTML file per chapter.
 * Entry dates are fixed so the same book always gives the same bytes (and dedupes on re-run).
 */
import { buffer } from 'node:stream/consumers';
import yazl from 'yazl';
import type { DemoBook } from './demo-books';
import { escapeXml } from '../../http/escape-xml';

const FIXED_DATE = new Date('2024-01-01T00:00:00Z');

export async function buildEpub(book: DemoBook, coverPng: Buffer): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const add = (path: string, content: string | Buffer, compress = true) =>
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), path, { mtime: FIXED_DATE, compress });
  add('mimetype', 'application/epub+zip', false);
  add('META-INF/container.xml', containerXml());
  add('OEBPS/content.opf', packageOpf(book));
  add('OEBPS/nav.xhtml', navXhtml(book));
  book.chapters.forEach((chapter, i) => add(`OEBPS/chapter-${i + 1}.xhtml`, chapterXhtml(book, chapter.title, chapter.paragraphs)));
  add('OEBPS/cover.png', coverPng, false);
  zip.end();
  return buffer(zip.outputStream);
}

function containerXml(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;
}

function packageOpf(book: DemoBook): string {
  const e = escapeXml;
  const creators = book.authors.map((author, i) => `<dc:creator id="author-${i}">${e(author)}</dc:creator>`).join('\n    ');
  const subjects = book.subjects.map((subject) => `<dc:subject>${e(subject)}</dc:subject>`).join('\n    ');
  const chapters = book.chapters.map((_, i) => `<item id="chapter-${i + 1}" href="chapter-${i + 1}.xhtml" media-type="application/xhtml+xml"/>`);
  const spine = book.chapters.map((_, i) => `<itemref idref="chapter-${i + 1}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${book.language}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">urn:demo-library:${e(book.slug)}</dc:identifier>
    <dc:title>${e(book.title)}</dc:title>
    ${creators}
    <dc:language>${book.language}</dc:language>
    <dc:publisher>${e(book.publisher)}</dc:publisher>
    <dc:date>${e(book.published)}</dc:date>
    <dc:description>${e(book.description)}</dc:description>
    ${subjects}
    <meta property="dcterms:modified">${FIXED_DATE.toISOString().replace('.000', '')}</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="cover" href="cover.png" media-type="image/png" properties="cover-image"/>
    ${chapters.join('\n    ')}
  </manifest>
  <spine>
    ${spine.join('\n    ')}
  </spine>
</package>`;
}

function xhtml(book: DemoBook, title: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${book.language}" lang="${book.language}">
<head><meta charset="utf-8"/><title>${escapeXml(title)}</title></head>
<body>
${body}
</body>
</html>`;
}

function navXhtml(book: DemoBook): string {
  const items = book.chapters.map((chapter, i) => `<li><a href="chapter-${i + 1}.xhtml">${escapeXml(chapter.title)}</a></li>`);
  return xhtml(book, book.title, `<nav epub:type="toc" id="toc"><h1>${escapeXml(book.title)}</h1><ol>${items.join('')}</ol></nav>`);
}

function chapterXhtml(book: DemoBook, title: string, paragraphs: string[]): string {
  return xhtml(book, title, `<h2>${escapeXml(title)}</h2>\n${paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n')}`);
}
