import type { Page } from '@playwright/test';

/**
 * Rows in a table of the kiosk's IndexedDB copy of the e-book catalogue: `ebooks` (titles) or
 * `covers` (saved thumbnails). (The function given to page.evaluate holds no named inner
 * functions: run through tsx, they would need a helper the page does not have.)
 */
export function cachedCount(page: Page, table: 'ebooks' | 'covers'): Promise<number> {
  return page.evaluate(
    (store) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kiosk-ebooks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains(store)) {
            open.result.close();
            resolve(0);
            return;
          }
          const count = open.result.transaction(store).objectStore(store).count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
        };
      }),
    table,
  );
}

export const cachedEbookCount = (page: Page) => cachedCount(page, 'ebooks');
