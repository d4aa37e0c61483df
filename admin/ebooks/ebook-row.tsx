/**
 * One title: its cover and data, and the controls that change it. Title and authors come from
 * the uploaded file: plain text in the book's own language (data-book-data), never markup.
 */
import { bookLang } from '../../shared/ebooks/book-lang';
import { EBOOK_ACCESS, EbookAccess, type EbookCategory } from '../../shared/ebooks/schemas';
import { useLanguage, useT } from '../shell/i18n-context';
import { categoryName, sizeInMb, type ShownEbook } from './collection-view';
import type { SendEvent } from './ebooks-page';
import { SaveStatusLine } from './save-status';
import type { SaveStatus } from './ebooks-page-types';

interface EbookRowProps {
  ebook: ShownEbook;
  categories: EbookCategory[];
  status: SaveStatus | undefined;
  send: SendEvent;
}

export function EbookRow({ ebook, categories, status, send }: EbookRowProps) {
  const t = useT();
  const language = useLanguage();
  const title = ebook.title;

  return (
    <tr data-testid="ebook-row" class={ebook.withdrawn ? 'withdrawn' : undefined}>
      <td class="cover">
        {ebook.coverUrl ? <img src={ebook.coverUrl} alt="" width={48} height={64} loading="lazy" decoding="async" /> : <span class="cover-blank" aria-hidden="true" />}
      </td>
      <th scope="row" class="book" lang={bookLang(ebook.language)} data-book-data>
        <span class="book-title">{title}</span>
        <span class="book-authors">{ebook.authors.join('、')}</span>
      </th>
      <td translate={false}>{ebook.format.toUpperCase()}</td>
      <td class="num">{sizeInMb(ebook.sizeBytes, language)}</td>
      <td class="num">{ebook.downloads}</td>
      <td>
        <select
          aria-label={t('admin.list.accessOf', { title })}
          value={ebook.access}
          onChange={(event) => send({ type: 'ebook.accessChosen', ebookId: ebook.id, access: EbookAccess.parse(event.currentTarget.value) })}
        >
          {EBOOK_ACCESS.map((access) => (
            <option key={access} value={access}>
              {t(`admin.access.${access}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        {/* A named group rather than a fieldset with a legend: the title inside is book data, not text to translate. */}
        <div role="group" class="category-choice" aria-label={t('admin.list.categoriesOf', { title })}>
          {categories.length === 0 && <span class="muted">{t('admin.list.noCategories')}</span>}
          {categories.map((category) => (
            <label class="choice chip" key={category.id}>
              <input
                type="checkbox"
                checked={ebook.categoryIds.includes(category.id)}
                onChange={(event) => send({ type: 'ebook.categoryToggled', ebookId: ebook.id, categoryId: category.id, checked: event.currentTarget.checked })}
              />
              {categoryName(category, language)}
            </label>
          ))}
        </div>
      </td>
      <td>
        <div class="shelf">
          <span class={ebook.withdrawn ? 'badge note' : 'badge ok'}>{t(ebook.withdrawn ? 'admin.list.withdrawn' : 'admin.list.onShelf')}</span>
          <button
            type="button"
            class="button"
            aria-label={t(ebook.withdrawn ? 'admin.list.restoreTitle' : 'admin.list.withdrawTitle', { title })}
            onClick={() => send({ type: 'ebook.withdrawChosen', ebookId: ebook.id, withdrawn: !ebook.withdrawn })}
          >
            {t(ebook.withdrawn ? 'admin.list.restore' : 'admin.list.withdraw')}
          </button>
          <SaveStatusLine status={status} />
        </div>
      </td>
    </tr>
  );
}
