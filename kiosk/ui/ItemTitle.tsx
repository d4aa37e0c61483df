import type { Item } from '../../shared/api/schemas';
import { useT } from '../session/use-session';

/** Cover (if any) and title of an item; the barcode stands in until the hub has named it. */
export function ItemTitle({ item, barcode }: { item: Item | null; barcode: string }) {
  const t = useT();
  return (
    <div class="item-title">
      {item?.coverUrl ? <img class="cover" src={item.coverUrl} alt="" /> : <span class="cover cover-none" aria-hidden="true" />}
      {item ? (
        <p class="title" data-book-data>
          {item.title}
        </p>
      ) : (
        <p class="title">{t('item.barcode', { barcode })}</p>
      )}
    </div>
  );
}
