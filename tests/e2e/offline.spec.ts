/**
 * The outage (issue 10): a hub of this spec's own (support/spawn-hub.ts) with offline borrowing on
 * in the kiosk profile. A patron borrows online; the hub stops; with the page reloaded in the middle
 * (the service worker serves the app shell, the kiosk database the last config) 20 items are
 * returned and a card borrows 3 without a PIN; the hub starts again and the kiosk, by itself, sends
 * its outbox: every transaction applied once and in order (each patron's loans and renewal counts),
 * the outbox empty, nothing of a patron left in the kiosk, and the refused offline loan listed for staff.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import type { Profile, ProfileList } from '../../shared/api/fleet-schemas';
import type { OfflineIssueList } from '../../shared/api/offline-staff-schemas';
import type { PatronStatus } from '../../shared/api/schemas';
import { translate } from '../../shared/i18n';
import { DEMO, expect, test, type KioskPage } from './fixtures';
import { adminPanel } from './support/admin-panel';
import { freePort, spawnHub, STAFF_PASSWORD, type SpawnedHub } from './support/spawn-hub';

const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'offline-screens');
const ONLINE_LOANS = ['39010001', '39010002', '39010003', '39010004', '39010005'];
/** Returned while the hub is down: the online loans, the demo library's three loans, and twelve items not on loan. */
const RETURNS_BEFORE_RELOAD = [...ONLINE_LOANS, '39010051', '39010052', '39010053', '39010010', '39010011'];
const RETURNS_AFTER_RELOAD = ['39010012', '39010013', '39010014', '39010015', '39010016', '39010017', '39010018', '39010019', '39010020', '39010021'];
/** 39010001 was returned offline before: lent again offline, it proves the order of the replay. 39010099 does not exist. */
const OFFLINE_LOANS = ['39010001', '39010006', '39010099'];

let hub: SpawnedHub;
let dataDir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-offline-'));
  hub = spawnHub({ port: await freePort(), dataDir, name: 'offline hub' });
  await hub.start();
});

test.afterAll(async () => {
  await hub?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function staffToken(request: APIRequestContext): Promise<Record<string, string>> {
  const login = await request.post(`${hub.url}/api/admin/login`, { data: { username: 'admin', password: STAFF_PASSWORD } });
  expect(login.ok()).toBe(true);
  return { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
}

/** What the kiosk database holds, store by store (the outbox apart). */
function kioskDatabase(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ outbox: unknown[]; rest: string }>((resolve, reject) => {
        const opening = indexedDB.open('kiosk');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const names = Array.from(db.objectStoreNames);
          const tx = db.transaction(names, 'readonly');
          const all: Record<string, unknown[]> = {};
          for (const name of names) {
            const reading = tx.objectStore(name).getAll();
            reading.onsuccess = () => (all[name] = reading.result);
          }
          tx.oncomplete = () => {
            db.close();
            const { outbox = [], ...rest } = all;
            resolve({ outbox, rest: JSON.stringify(rest) });
          };
        };
      }),
  );
}

async function shoot(page: Page, kiosk: KioskPage, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-zh-CN.png`) });
  await kiosk.press('English');
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-en.png`) });
  await kiosk.press('中文');
}

/** Finishes with a printed receipt and answers what it said. */
async function finishWithReceipt(page: Page, kiosk: KioskPage): Promise<string> {
  await kiosk.press(kiosk.names.finish);
  await kiosk.press(translate('zh-CN', 'finish.print'));
  await kiosk.expectGoodbyeThenAttract();
  return page.evaluate(() => (window as unknown as { printed: string[] }).printed.at(-1) ?? '');
}

test('a day cut off from the hub: returns and offline loans, a reload in the middle, every one applied once when it is back', async ({ page, kiosk, request }) => {
  test.setTimeout(240_000);
  const notice = page.getByTestId('offline-notice');
  const staff = await staffToken(request);

  await test.step('staff allow borrowing while offline in the kiosk profile', async () => {
    const { profiles } = (await (await request.get(`${hub.url}/api/admin/profiles`, { headers: staff })).json()) as ProfileList;
    const profile = profiles[0] as Profile;
    const settings = { ...profile.settings, offline: { returnsQueued: true, borrowing: true, maxItemsPerCard: 3 } };
    const saved = await request.put(`${hub.url}/api/admin/profiles/${profile.id}`, { headers: staff, data: { name: profile.name, settings } });
    expect(saved.ok(), await saved.text()).toBe(true);
  });

  // The receipt printer: what window.print() would have printed.
  await page.addInitScript(() => {
    const printed: string[] = [];
    Object.assign(window, { printed });
    window.print = () => void printed.push(document.getElementById('receipt')?.innerText ?? '');
  });

  await test.step('online: the kiosk starts, its service worker takes the page, a patron borrows five items', async () => {
    await page.goto(`${hub.url}/kiosk/`);
    await kiosk.expectScreen('attract');
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
    await expect(notice).toHaveCount(0);
    await kiosk.signIn(DEMO.holder.card, DEMO.holder.pin);
    await kiosk.expectScreen('home');
    await kiosk.press(kiosk.names.borrow);
    for (const barcode of ONLINE_LOANS) {
      await kiosk.scan(barcode);
      await expect(kiosk.row('borrow-row', barcode)).toHaveAttribute('data-status', 'ok');
    }
    await kiosk.press(kiosk.names.finish);
    await kiosk.press(translate('zh-CN', 'finish.noReceipt'));
    await kiosk.expectGoodbyeThenAttract();
  });

  await hub.stop();

  await test.step('the hub stops: ten returns, recorded offline, and the kiosk says so calmly', async () => {
    await kiosk.press(kiosk.names.return);
    await kiosk.expectScreen('return');
    for (const barcode of RETURNS_BEFORE_RELOAD) {
      await kiosk.scan(barcode);
      const row = kiosk.row('return-row', barcode);
      await expect(row).toHaveAttribute('data-status', 'ok');
      await expect(row).toContainText(translate('zh-CN', 'offline.recorded'));
    }
    await expect(notice).toHaveText(translate('zh-CN', 'offline.noticeBorrowing'));
    await expect(notice).toHaveAttribute('role', 'status');
    await shoot(page, kiosk, 'offline-return');
  });

  await test.step('the page is reloaded with the hub down: the attract screen, from the saved profile', async () => {
    await page.reload();
    await kiosk.expectScreen('attract');
    await expect(notice).toBeVisible();
    await shoot(page, kiosk, 'offline-attract');
  });

  await test.step('ten more returns, and the receipt says they were recorded offline', async () => {
    await kiosk.press(kiosk.names.return);
    for (const barcode of RETURNS_AFTER_RELOAD) {
      await kiosk.scan(barcode);
      await expect(kiosk.row('return-row', barcode)).toHaveAttribute('data-status', 'ok');
    }
    expect(await finishWithReceipt(page, kiosk)).toContain(translate('zh-CN', 'receipt.offline'));
  });

  await test.step('offline borrowing: a blocked card is refused; another borrows three without a PIN, the fourth is past the limit', async () => {
    await kiosk.scan(DEMO.blocked.card);
    await kiosk.expectScreen('cardEntry');
    await expect(kiosk.main()).toContainText(translate('zh-CN', 'offline.cardRefused'));
    await shoot(page, kiosk, 'offline-card-refused');
    await kiosk.press(translate('zh-CN', 'action.cancel'));
    await kiosk.expectScreen('attract');

    await kiosk.scan(DEMO.active.card);
    await kiosk.expectScreen('home');
    await expect(kiosk.main()).toContainText(translate('zh-CN', 'offline.signedIn'));
    await expect(kiosk.button(kiosk.names.loans)).toHaveCount(0);
    await shoot(page, kiosk, 'offline-home');
    await kiosk.press(kiosk.names.borrow);
    for (const barcode of OFFLINE_LOANS) {
      await kiosk.scan(barcode);
      const row = kiosk.row('borrow-row', barcode);
      await expect(row).toHaveAttribute('data-status', 'ok');
      await expect(row).toContainText(translate('zh-CN', 'offline.recorded'));
    }
    await kiosk.scan('39010007');
    await expect(kiosk.row('borrow-row', '39010007')).toContainText(translate('zh-CN', 'offline.limitReached', { max: 3 }));
    await shoot(page, kiosk, 'offline-borrow');
    const receipt = await finishWithReceipt(page, kiosk);
    expect(receipt).toContain(translate('zh-CN', 'receipt.offline'));
    expect(receipt).not.toContain(DEMO.active.card);
  });

  await test.step('between patrons the kiosk keeps the queued transactions and nothing else of a patron', async () => {
    const { outbox, rest } = await kioskDatabase(page);
    expect(outbox).toHaveLength(RETURNS_BEFORE_RELOAD.length + RETURNS_AFTER_RELOAD.length + OFFLINE_LOANS.length);
    expect(rest).not.toContain(DEMO.active.card);
    expect(rest).not.toContain(DEMO.blocked.card);
  });

  await hub.start();

  await test.step('the hub is back: the kiosk notices by itself and sends its outbox', async () => {
    await expect(notice).toHaveCount(0, { timeout: 60_000 });
    await expect.poll(async () => (await kioskDatabase(page)).outbox.length, { timeout: 30_000 }).toBe(0);
    const { rest } = await kioskDatabase(page);
    expect(rest).not.toContain(DEMO.active.card);
  });

  await test.step('every transaction applied exactly once, in order: the patrons’ loans and renewal counts', async () => {
    const kioskToken = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const opening = indexedDB.open('kiosk');
          opening.onsuccess = () => {
            const reading = opening.result.transaction('token').objectStore('token').get('current');
            reading.onsuccess = () => resolve((reading.result as { token: string }).token);
          };
        }),
    );
    const loansOf = async (card: string, pin: string) => {
      const signIn = await request.post(`${hub.url}/api/session`, { headers: { 'x-kiosk-token': kioskToken }, data: { cardNumber: card, pin } });
      expect(signIn.ok(), await signIn.text()).toBe(true);
      const { token } = (await signIn.json()) as { token: string };
      const status = (await (await request.get(`${hub.url}/api/session`, { headers: { 'x-kiosk-token': kioskToken, authorization: `Bearer ${token}` } })).json()) as PatronStatus;
      await request.delete(`${hub.url}/api/session`, { headers: { 'x-kiosk-token': kioskToken, authorization: `Bearer ${token}` } });
      return status.loans.map((loan) => [loan.item.barcode, loan.renewals]).sort();
    };
    // Everything returned, the online loans too; 39010001 lent again offline after its offline return.
    expect(await loansOf(DEMO.holder.card, DEMO.holder.pin)).toEqual([]);
    expect(await loansOf(DEMO.blocked.card, DEMO.blocked.pin)).toEqual([]);
    expect(await loansOf(DEMO.active.card, DEMO.active.pin)).toEqual([
      ['39010001', 0],
      ['39010006', 0],
    ]);
  });

  await test.step('the refused offline loan is listed for staff on the admin panel’s 离线记录 page, and only it', async () => {
    const staffPage = await page.context().newPage();
    const admin = adminPanel(staffPage, 'zh-CN');
    await staffPage.goto(`${hub.url}/admin/`);
    await staffPage.getByLabel(admin.t('admin.username')).fill('admin');
    await staffPage.getByLabel(admin.t('admin.password')).fill(STAFF_PASSWORD);
    await staffPage.getByRole('button', { name: admin.t('admin.signIn') }).click();
    await admin.openPage('admin.nav.offline', 'admin.offline.title');
    const rows = staffPage.locator('[data-testid^="offline-issue-"]');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('39010099');
    await expect(rows.first()).toContainText(DEMO.active.card);
    await expect(rows.first()).toContainText(admin.t('admin.offline.type.checkout'));
    await staffPage.close();

    const { issues } = (await (await request.get(`${hub.url}/api/admin/offline-transactions`, { headers: await staffToken(request) })).json()) as OfflineIssueList;
    expect(issues.map(({ type, cardNumber, itemBarcode, outcome, code }) => ({ type, cardNumber, itemBarcode, outcome, code }))).toEqual([
      { type: 'checkout', cardNumber: DEMO.active.card, itemBarcode: '39010099', outcome: 'refused', code: 'item.unknown' },
    ]);
  });

  await test.step('with the hub down again, a fresh page load of /kiosk/ shows the attract screen', async () => {
    await hub.stop();
    const fresh = await page.context().newPage();
    await fresh.goto(`${hub.url}/kiosk/`);
    await expect(fresh.locator('main[data-screen]')).toHaveAttribute('data-screen', 'attract');
    await expect(fresh.getByTestId('offline-notice')).toBeVisible();
    await fresh.close();
    await hub.start();
  });
});
