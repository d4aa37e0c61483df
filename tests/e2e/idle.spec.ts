import { DEMO, expect, test } from './fixtures';

test.use({ lang: 'en' });

// The demo kiosk waits 60 s before asking, then counts down 20 s (its kiosk profile).
test('an idle session asks first, and then signs the patron out leaving nothing behind', async ({ page, kiosk }) => {
  await page.clock.install();
  await kiosk.open();
  await kiosk.signIn(DEMO.active.card, DEMO.active.pin);
  await kiosk.press(kiosk.names.loans);
  await kiosk.expectScreen('loans');

  await test.step('after a minute the kiosk asks whether the patron is still there', async () => {
    await page.clock.runFor(61_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
  });

  await test.step('"I\'m still here" keeps the session', async () => {
    await kiosk.press(kiosk.names.stillHere);
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
