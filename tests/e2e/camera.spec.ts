/**
 * Camera scanning end to end, through Chromium's fake camera: each browser plays one video made
 * from a barcode photo in ../shared/testdata/barcodes/ (or a code drawn for a demo item). The
 * `kioskWithCamera` fixture (./fixtures.ts) opens that browser and hands back its kiosk page object,
 * built like the `kiosk` fixture (the test's `lang` and `pointer`); the test without a camera uses `kiosk` itself.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, expect, test, type KioskPage } from './fixtures';
import { code128Image, code39Image, PHOTOS, qrImage, videoOf } from './support/fake-camera-videos';

const CODABAR_CARD = { card: '31117013206375', pin: '3690', photo: 'codabar/codabar-1_12.png' };
const ISBN_PHOTO = { isbn: '9780140013993', photo: 'ean13/ean13-1_25.png' };
const USE_CAMERA = '使用摄像头';
const videos = mkdtempSync(join(tmpdir(), 'kiosk-camera-'));

async function expectCameraStopped({ page }: KioskPage) {
  await expect.poll(() => page.evaluate(() => window.cameraTracks())).toEqual(expect.arrayContaining(['ended']));
  expect(await page.evaluate(() => window.cameraTracks())).not.toContain('live');
}

async function expectCameraLive({ page }: KioskPage) {
  await expect(page.getByTestId('camera-view').locator('video')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.cameraTracks())).toContain('live');
}

async function borrowWithCamera(kiosk: KioskPage) {
  await test.step('sign in, open Borrow and turn the camera on', async () => {
    await kiosk.open();
    await kiosk.signIn(DEMO.holder.card, DEMO.holder.pin);
    await kiosk.press(kiosk.names.borrow);
    await kiosk.expectScreen('borrow');
    await kiosk.press(USE_CAMERA);
    await expectCameraLive(kiosk);
  });
}

test('a Codabar library card read by the camera signs in, then the PIN; the camera stops with the result', async ({ kioskWithCamera }) => {
  const kiosk = await kioskWithCamera(videoOf(join(PHOTOS, CODABAR_CARD.photo), videos, 'codabar-card'));
  await kiosk.open();

  await test.step('the camera on the card screen reads the card: the PIN screen, the camera stopped', async () => {
    await kiosk.press(kiosk.names.borrow);
    await kiosk.expectScreen('cardEntry');
    await kiosk.press(USE_CAMERA);
    await kiosk.expectScreen('pin', 15_000);
    await expectCameraStopped(kiosk);
  });

  await test.step('the PIN on the pad signs in', async () => {
    await kiosk.typeOnPad(CODABAR_CARD.pin);
    await kiosk.press(kiosk.names.ok);
    await kiosk.expectScreen('home');
  });
});

test('an ISBN (EAN-13) read by the camera borrows a copy of that book; signing out stops the camera', async ({ kioskWithCamera }) => {
  const kiosk = await kioskWithCamera(videoOf(join(PHOTOS, ISBN_PHOTO.photo), videos, 'isbn'));
  await borrowWithCamera(kiosk);

  await test.step('the ISBN borrows a copy, once, though it stays in view', async () => {
    const row = kiosk.row('borrow-row', ISBN_PHOTO.isbn);
    await expect(row).toHaveAttribute('data-status', 'ok', { timeout: 15_000 });
    await expect(row).toContainText('条码示范图书 1');
    await expect(kiosk.page.getByTestId('camera-view')).not.toHaveAttribute('data-reads', '0');
    // Still in view: read again and again, but borrowed once.
    await kiosk.page.waitForTimeout(1500);
    await expect(kiosk.rows('borrow-row')).toHaveCount(1);
  });

  await test.step('Finish stops the camera', async () => {
    await kiosk.press(kiosk.names.finish);
    await expectCameraStopped(kiosk);
  });
});

const formats = [
  { format: 'Code 128', photo: 'code128/code128-1_1.png', draw: code128Image, item: '39010030' },
  { format: 'Code 39', photo: 'code39/code39-1_1.png', draw: code39Image, item: '39010031' },
  { format: 'QR', photo: 'qrcode/qrcode-1_13.png', draw: qrImage, item: '39010032' },
];

for (const { format, photo, draw, item } of formats) {
  test(`${format}: a code that is no library barcode is ignored; a drawn item barcode is borrowed`, async ({ kioskWithCamera }) => {
    await test.step(`the photo ${photo} (not a barcode of this library): no row, no notice`, async () => {
      const kiosk = await kioskWithCamera(videoOf(join(PHOTOS, photo), videos, `${item}-photo`));
      await borrowWithCamera(kiosk);
      await kiosk.page.waitForTimeout(3000);
      await expect(kiosk.rows('borrow-row')).toHaveCount(0);
      await expect(kiosk.page.getByTestId('notice')).toBeEmpty();
      await expect(kiosk.page.getByTestId('camera-view')).toHaveAttribute('data-reads', '0');
    });
    await test.step(`${format} of item ${item}: borrowed`, async () => {
      const image = await draw(item, join(videos, `${item}.png`));
      const kiosk = await kioskWithCamera(videoOf(image, videos, item));
      await borrowWithCamera(kiosk);
      await expect(kiosk.row('borrow-row', item)).toHaveAttribute('data-status', 'ok', { timeout: 15_000 });
    });
  });
}

test('the camera stops on leaving the screen and on the idle timeout; the USB scanner keeps working', async ({ kioskWithCamera }) => {
  // A code this kiosk ignores, so that nothing but leaving ends the scanning.
  const kiosk = await kioskWithCamera(videoOf(join(PHOTOS, 'qrcode/qrcode-1_1.png'), videos, 'ignored'));
  await kiosk.page.clock.install();
  await kiosk.open();

  await test.step('Cancel on the card screen', async () => {
    await kiosk.press(kiosk.names.borrow);
    await kiosk.press(USE_CAMERA);
    await expectCameraLive(kiosk);
    await kiosk.press('取消');
    await kiosk.expectScreen('attract');
    await expectCameraStopped(kiosk);
  });

  await test.step('Home from Borrow, with the USB scanner working alongside the camera', async () => {
    await kiosk.signIn(DEMO.holder.card, DEMO.holder.pin);
    await kiosk.press(kiosk.names.borrow);
    await kiosk.press(USE_CAMERA);
    await expectCameraLive(kiosk);
    await kiosk.scan('39010033');
    await expect(kiosk.row('borrow-row', '39010033')).toHaveAttribute('data-status', 'ok');
    await kiosk.press('返回');
    await kiosk.expectScreen('home');
    await expectCameraStopped(kiosk);
  });

  await test.step('the idle timeout on Return', async () => {
    await kiosk.press(kiosk.names.return);
    await kiosk.press(USE_CAMERA);
    await expectCameraLive(kiosk);
    await kiosk.page.clock.runFor(61_000);
    await kiosk.page.clock.runFor(21_000);
    await kiosk.expectScreen('attract');
    await expectCameraStopped(kiosk);
  });
});

test.describe('in English', () => {
  test.use({ lang: 'en' });

  test('with no camera the kiosk says so, and the pad still signs in', async ({ kiosk, page }) => {
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('no camera', 'NotFoundError'));
    });
    await kiosk.open();
    await kiosk.press(kiosk.names.borrow);
    await kiosk.press('Use camera');
    await expect(page.getByTestId('camera-failure')).toHaveText('No camera was found. Please use the scanner or the number pad.');
    await kiosk.typeOnPad(DEMO.holder.card);
    await kiosk.press(kiosk.names.ok);
    await kiosk.expectScreen('pin');
  });
});
