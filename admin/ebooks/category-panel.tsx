/** The categories (the kiosks' shelves): rename or reorder one and save it, or add a new one. */
import { useEffect, useRef } from 'preact/hooks';
import type { EbookCategory } from '../../shared/ebooks/schemas';
import { useLanguage, useT } from '../shell/i18n-context';
import { categoryName } from './collection-view';
import type { SendEvent } from './ebooks-page';
import type { CategoryFields, EbooksPageContext } from './ebooks-page-machine';
import type { SaveStatus } from './ebooks-page-types';
import { SaveStatusLine } from './save-status';

/** The hub's limits (CategoryDraft), so the browser stops overlong names before the machine does. */
const NAME_ZH_MAX = 40;
const NAME_EN_MAX = 60;
const SORT_MAX = 9999;

function fieldsOf(form: HTMLFormElement): CategoryFields {
  const data = new FormData(form);
  return { nameZh: String(data.get('nameZh')), nameEn: String(data.get('nameEn')), sort: Number(data.get('sort')) };
}

interface CategoryPanelProps {
  categories: EbookCategory[];
  status: EbooksPageContext['categoryStatus'];
  send: SendEvent;
}

export function CategoryPanel({ categories, status, send }: CategoryPanelProps) {
  const t = useT();
  return (
    <section class="panel" aria-labelledby="categories-title">
      <h2 id="categories-title">{t('admin.categories.title')}</h2>
      <p class="muted">{t('admin.categories.hint')}</p>
      {categories.length > 0 && (
        <div class="category-list">
          <div class="category-row category-head" aria-hidden="true">
            <span>{t('admin.categories.nameZh')}</span>
            <span>{t('admin.categories.nameEn')}</span>
            <span>{t('admin.categories.sort')}</span>
          </div>
          {categories.map((category) => (
            <CategoryRow key={category.id} category={category} status={status[category.id]} send={send} />
          ))}
        </div>
      )}
      <NewCategoryForm status={status.new} send={send} />
    </section>
  );
}

function CategoryRow({ category, status, send }: { category: EbookCategory; status: SaveStatus | undefined; send: SendEvent }) {
  const t = useT();
  const name = categoryName(category, useLanguage());
  return (
    <form
      class="category-row"
      data-testid="category-row"
      onSubmit={(event) => {
        event.preventDefault();
        send({ type: 'category.saveRequested', categoryId: category.id, fields: fieldsOf(event.currentTarget) });
      }}
    >
      <input name="nameZh" defaultValue={category.nameZh} required maxLength={NAME_ZH_MAX} aria-label={t('admin.categories.nameZhOf', { name })} />
      <input name="nameEn" defaultValue={category.nameEn} required maxLength={NAME_EN_MAX} aria-label={t('admin.categories.nameEnOf', { name })} lang="en" />
      <input name="sort" type="number" min={0} max={SORT_MAX} step={1} defaultValue={String(category.sort)} required aria-label={t('admin.categories.sortOf', { name })} />
      <button type="submit" class="button" aria-label={t('admin.categories.saveNamed', { name })}>
        {t('admin.categories.save')}
      </button>
      <SaveStatusLine status={status} />
    </form>
  );
}

function NewCategoryForm({ status, send }: { status: SaveStatus | undefined; send: SendEvent }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  // Empty again once the hub has added the category, ready for the next one.
  useEffect(() => {
    if (status?.state === 'saved') form.current?.reset();
  }, [status]);

  return (
    <form
      ref={form}
      class="new-category"
      onSubmit={(event) => {
        event.preventDefault();
        send({ type: 'category.addRequested', fields: fieldsOf(event.currentTarget) });
      }}
    >
      <fieldset>
        <legend>{t('admin.categories.new')}</legend>
        <label>
          {t('admin.categories.nameZh')}
          <input name="nameZh" required maxLength={NAME_ZH_MAX} />
        </label>
        <label>
          {t('admin.categories.nameEn')}
          <input name="nameEn" required maxLength={NAME_EN_MAX} lang="en" />
        </label>
        <label>
          {t('admin.categories.sort')}
          <input name="sort" type="number" min={0} max={SORT_MAX} step={1} defaultValue="0" required />
        </label>
        <button type="submit" class="button primary">
          {t('admin.categories.add')}
        </button>
        <SaveStatusLine status={status} savedKey="admin.categories.added" />
      </fieldset>
    </form>
  );
}
