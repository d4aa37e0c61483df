/** A patron's phone in a spec, and the kiosk's QR code read off its screen as the phone's camera would. */
import { devices, expect, type Browser, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Lang } from '../fixtures';

/** A Pixel 7 browser (an app's in-app browser when `userAgent` is one), with the Content Security Policy errors its pages log. */
export async function phone(browser: Browser, lang: Lang, userAgent?: string) {
  const { defaultBrowserType: _, ...pixel } = devices['Pixel 7'];
  const context = await browser.newContext({ ...pixel, ...(userAgent ? { userAgent } : {}), locale: lang, acceptDownloads: true });
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on('console', (message) => /Content Security Policy/i.test(message.text()) && cspErrors.push(message.text()));
  return { context, page, cspErrors };
}

/** The text of the QR code `testId` on the kiosk's screen, which is at least 320 px wide so a phone reads it from arm's length. */
export async function readQr(page: Page, testId: string): Promise<string> {
  const qr = page.getByTestId(testId);
  await expect(qr).toBeVisible();
  expect((await qr.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(320);
  const png = PNG.sync.read(await page.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('no QR code on the kiosk screen');
  return code.data;
}
