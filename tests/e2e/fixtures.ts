/**
 * The journeys' fixtures: `kiosk` is the kiosk page object in the test's `lang` (set with
 * `test.use({ lang: 'en' })`), pressing by tap in the touch project and by click elsewhere.
 * It is not opened yet, so a journey can install a fake clock first.
 */
import { test as base } from '@playwright/test';
import { KioskPage, type Lang } from './kiosk-page';

export { expect } from '@playwright/test';
export { DEMO, type Lang } from './kiosk-page';

export interface KioskFixtures {
  lang: Lang;
  kiosk: KioskPage;
}

export const test = base.extend<KioskFixtures>({
  lang: ['zh-CN', { option: true }],
  kiosk: async ({ page, lang, hasTouch }, use) => {
    await use(new KioskPage(page, lang, hasTouch ? 'tap' : 'click'));
  },
});
