/**
 * The kiosk's own copy of the e-book catalogue (IndexedDB): browsing and searching go on while
 * the hub is unreachable, and what staff change reaches the kiosk at its next sync.
 */
import { cachedCount, cachedEbookCount } from './cached-ebooks';
import { expect, test } from './fixtures';
import type { KioskPage } from './kiosk-page';

async function openEbooks(kiosk: KioskPage) {
  await kiosk.open();
  await kiosk.press('电子书');
  await expect(kiosk.page.locator('[data-sync]')).not.toHaveAttribute('data-sync', 'pending');
}

async function search(kiosk: KioskPage, letters: string) {
  await kiosk.press('拼音字母键盘');
  for (const letter of letters) await kiosk.press(letter);
}

test('without the hub the kiosk browses and searches its saved copy, covers included, and says sending needs the network', async ({ page, kiosk }) => {
  await openEbooks(kiosk);
  const shown = await page.getByTestId('cover-tile').count();
  expect(shown).toBeGreaterThan(0);
  // The copy and the covers are saved after the titles are on screen.
  await expect.poll(() => cachedEbookCount(page)).toBeGreaterThanOrEqual(12);
  await expect.poll(() => cachedCount(page, 'covers')).toBeGreaterThanOrEqual(12);

  // The hub goes away for the e-book section: catalogue, covers and tickets fail as on a dropped
  // network (routing also turns off the browser's HTTP cache, so covers cannot come from there).
  await page.route((url) => url.pathname.startsWith('/api/ebooks'), (route) => route.abort('connectionrefused'));
  await openEbooks(kiosk);
  await expect(page.locator('[data-sync]')).toHaveAttribute('data-sync', 'offline');
  await expect(page.getByText('暂时连不上服务器，显示的是上次保存的书目。')).toBeVisible();
  await expect(page.getByTestId('cover-tile')).toHaveCount(shown);
  const firstCover = page.getByTestId('cover-tile').first().locator('img');
  await expect(firstCover).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => firstCover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  await search(kiosk, 'xyj');
  await page.getByRole('button', { name: /西游记/ }).first().click();
  await expect(page.locator('img.detail-cover')).toHaveAttribute('src', /^blob:/);
  await kiosk.press('发送到手机');
  await expect(page.getByText('发送到手机需要网络')).toBeVisible();
});

test('a title staff withdraw leaves the kiosk at its next sync, and comes back when restored', async ({ page, request, kiosk }) => {
  const login = await request.post('/api/admin/login', { data: { username: 'admin', password: 'e2e-staff-password' } });
  const staff = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const { ebooks } = (await (await request.get('/api/admin/ebooks', { headers: staff })).json()) as { ebooks: Array<{ id: number; title: string }> };
  const title = ebooks.find((ebook) => ebook.title === '水浒传')!;

  await openEbooks(kiosk);
  await search(kiosk, 'shz');
  await expect(page.getByRole('button', { name: /水浒传/ })).toBeVisible();
  await expect.poll(() => cachedEbookCount(page)).toBeGreaterThanOrEqual(12);
  const before = await cachedEbookCount(page);

  expect((await request.patch(`/api/admin/ebooks/${title.id}`, { headers: staff, data: { withdrawn: true } })).ok()).toBe(true);
  try {
    await openEbooks(kiosk);
    await search(kiosk, 'shz');
    await expect(page.getByTestId('result-count')).toHaveText('没有找到相关的电子书，换个词试试。');
    await expect.poll(() => cachedEbookCount(page)).toBe(before - 1);
  } finally {
    expect((await request.patch(`/api/admin/ebooks/${title.id}`, { headers: staff, data: { withdrawn: false } })).ok()).toBe(true);
  }
  await openEbooks(kiosk);
  await search(kiosk, 'shz');
  await expect(page.getByRole('button', { name: /水浒传/ })).toBeVisible();
  await expect.poll(() => cachedEbookCount(page)).toBe(before);
});
