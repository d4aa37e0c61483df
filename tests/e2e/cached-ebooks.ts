import type { Page } from '@playwright/test';

/**
 * What the kiosk's IndexedDB copy of the e-book catalogue holds (the kiosk database, written by the
 * catalogue worker): `ebooks`, the titles in all chunks, or `covers`, the saved thumbnails. (The
 * function given to page.evaluate holds no named inner functions: run through tsx, they would need
 * a helper the page does not have.)
 */
export function cachedCount(page: Page, table: 'ebooks' | 'covers'): Promise<number> {
  return page.evaluate(
    (what) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = what === 'ebooks' ? 'ebookChunks' : 'covers';
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve(0);
            return;
          }
          const request = what === 'ebooks' ? db.transaction(store).objectStore(store).getAll() : db.transaction(store).objectStore(store).count();
          request.onsuccess = () => {
            const result = request.result as number | Array<{ ebooks: unknown[] }>;
            resolve(typeof result === 'number' ? result : result.reduce((sum, chunk) => sum + chunk.ebooks.length, 0));
            db.close();
          };
        };
      }),
    table,
  );
}

export const cachedEbookCount = (page: Page) => cachedCount(page, 'ebooks');

/**
 * Whether the copy is whole: the sync state is written with a sync's last page. Cheap to ask (it
 * reads no titles), so a benchmark can poll it without loading the page's main thread.
 */
export function copySaved(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('kiosk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('ebookSync')) {
            db.close();
            resolve(false);
            return;
          }
          const request = db.transaction('ebookSync').objectStore('ebookSync').count();
          request.onsuccess = () => {
            resolve(request.result > 0);
            db.close();
          };
        };
      }),
  );
}
