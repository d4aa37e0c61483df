/** Metadata and cover location from an EPUB package document (the OPF), EPUB 2 and 3. */
import { posix } from 'node:path';
import { isbnInIdentifier } from '../../shared/barcodes/isbn';
import type { EbookMetadata } from './ebook-metadata';
import { htmlToPlainText } from './html-text';
import { childElements, elementText } from './xml';
import type { Document, Element } from './xml';

const OPF = 'http://www.idpf.org/2007/opf';
const DC = 'http://purl.org/dc/elements/1.1/';
/** dc:date events that are not the publication (EPUB 2's opf:event). */
const NOT_PUBLICATION = new Set(['modification', 'conversion', 'creation']);

export interface PackageInfo {
  version: 2 | 3;
  metadata: EbookMetadata;
  /** Path of the cover image inside the zip, or null. */
  coverPath: string | null;
}

/** Null when the document is not an OPF package. */
export function readPackage(opf: Document, opfPath: string): PackageInfo | null {
  const root = opf.documentElement;
  if (!root || root.namespaceURI !== OPF || root.localName !== 'package') return null;
  const dc = (name: string) => childElements(opf, DC, name);
  const identifiers = texts(dc('identifier'));
  const description = dc('description')[0]?.textContent;
  return {
    version: root.getAttribute('version')?.startsWith('3') ? 3 : 2,
    metadata: {
      title: elementText(dc('title')[0]),
      authors: authors(opf, dc('creator')),
      language: elementText(dc('language')[0]),
      publisher: elementText(dc('publisher')[0]),
      published: publicationDate(dc('date')),
      description: description ? htmlToPlainText(description) || null : null,
      subjects: texts(dc('subject')),
      identifiers,
      isbn: identifiers.map(isbnInIdentifier).find((isbn) => isbn !== null) ?? null,
    },
    coverPath: coverPath(opf, opfPath),
  };
}

function texts(elements: Element[]): string[] {
  return elements.map((e) => elementText(e)).filter((t): t is string => t !== null);
}

/**
 * The creators whose role is author (EPUB 2 opf:role, EPUB 3 a refining <meta property="role">)
 * or unstated; if every creator has another role (editor, translator...), all of them.
 */
function authors(opf: Document, creators: Element[]): string[] {
  const roleOf = (creator: Element): string | null => {
    const legacy = creator.getAttributeNS(OPF, 'role');
    if (legacy) return legacy;
    const id = creator.getAttribute('id');
    const refining = childElements(opf, OPF, 'meta').find(
      (meta) => meta.getAttribute('refines') === `#${id}` && meta.getAttribute('property') === 'role',
    );
    return id && refining ? elementText(refining) : null;
  };
  const named = creators.filter((c) => elementText(c) !== null);
  const writers = named.filter((c) => [null, 'aut'].includes(roleOf(c)));
  return texts(writers.length > 0 ? writers : named);
}

function publicationDate(dates: Element[]): string | null {
  const publication = dates.find((d) => !NOT_PUBLICATION.has(d.getAttributeNS(OPF, 'event') ?? ''));
  return elementText(publication);
}

/** EPUB 3 `cover-image` property, else EPUB 2 `<meta name="cover">`, else the first image. */
function coverPath(opf: Document, opfPath: string): string | null {
  const items = childElements(opf, OPF, 'item');
  const isImage = (item: Element) => (item.getAttribute('media-type') ?? '').startsWith('image/');
  const byProperty = items.find((item) => (item.getAttribute('properties') ?? '').split(/\s+/).includes('cover-image'));
  const coverId = childElements(opf, OPF, 'meta').find((meta) => meta.getAttribute('name') === 'cover')?.getAttribute('content');
  const byMeta = coverId ? items.find((item) => item.getAttribute('id') === coverId && isImage(item)) : undefined;
  const chosen = byProperty ?? byMeta ?? items.find(isImage);
  const href = chosen?.getAttribute('href');
  return href ? resolveHref(opfPath, href) : null;
}

/** A manifest href (a URL relative to the OPF) as a zip entry name; null if it leaves the zip. */
function resolveHref(opfPath: string, href: string): string | null {
  try {
    const path = posix.normalize(posix.join(posix.dirname(opfPath), decodeURIComponent(href.split('#')[0] ?? '')));
    return path.startsWith('../') || path.startsWith('/') ? null : path;
  } catch {
    return null;
  }
}
