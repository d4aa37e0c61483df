import type { Page } from '@playwright/test';

/**
 * Titles in the kiosk's IndexedDB copy of the e-book catalogue. (The function given to
 * page.evaluate holds no named inner functions: run through tsx, they would need a helper
 * the page does not have.)
 */
export function cachedEbookCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kiosk-ebooks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('ebooks').objectStore('ebooks').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
        };
      }),
  );
}
