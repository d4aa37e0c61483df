import { expect, test } from '@playwright/test';
import { DEMO, KioskPage } from './kiosk-page';

// The demo kiosk waits 60 s before asking, then counts down 20 s (its kiosk profile).
test('an idle session asks first, and then signs the patron out leaving nothing behind', async ({ page }) => {
  await page.clock.install();
  const kiosk = new KioskPage(page, 'en');
  await kiosk.open();
  await kiosk.signIn(DEMO.active.card, DEMO.active.pin);
  await kiosk.button(kiosk.names.loans).click();
  await kiosk.expectScreen('loans');

  await test.step('after a minute the kiosk asks whether the patron is still there', async () => {
    await page.clock.runFor(61_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
  });

  await test.step('"I\'m still here" keeps the session', async () => {
    await kiosk.button(kiosk.names.stillHere).click();
    await expect(page.getByRole('alertdialog')).toBeHidden();
    await kiosk.expectScreen('loans');
  });

  await test.step('with no answer, the countdown ends the session', async () => {
    await page.clock.runFor(61_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await page.clock.runFor(21_000);
    await kiosk.expectScreen('attract');
    await expect(page.getByRole('alertdialog')).toBeHidden();
  });

  await test.step('nothing of the patron remains in the page or its storage', async () => {
    await expect(page.locator('body')).not.toContainText('39010051');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain(DEMO.active.card);
    expect(stored).not.toContain('39010051');
  });
});
