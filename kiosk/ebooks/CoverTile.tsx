import type { TileEbook } from './ebooks-types';
import { bookLang } from '../../shared/ebooks/book-lang';
import { CoverImage } from './CoverImage';

/**
 * One large cover; the whole tile is the button, named by the title and authors. Title and authors
 * are book data, in the book's own language (data-book-data: not kiosk text to translate).
 */
export function CoverTile({ ebook, onOpen }: { ebook: TileEbook; onOpen: (ebookId: number) => void }) {
  return (
    <button type="button" class="cover-tile" data-testid="cover-tile" onClick={() => onOpen(ebook.id)} lang={bookLang(ebook.language)} data-book-data>
      <CoverImage key={ebook.coverUrl} ebook={ebook} class="cover-image" blank={ebook.title} />
      <span class="cover-title">{ebook.title}</span>
      <span class="cover-authors">{ebook.authors.join('、')}</span>
    </button>
  );
}
