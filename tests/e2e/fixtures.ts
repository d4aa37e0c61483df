/**
 * The journeys' fixtures: `kiosk` is the kiosk page object in the test's `lang` (set with
 * `test.use({ lang: 'en' })`), pressing by `pointer`: tap in the touch project, click elsewhere.
 * It is not opened yet, so a journey can install a fake clock first. A spec that opens pages of
 * its own (camera.spec.ts) builds its page objects from `lang` and `pointer` too.
 */
import { test as base } from '@playwright/test';
import { KioskPage, type Lang, type Pointer } from './kiosk-page';

export { expect } from '@playwright/test';
export { DEMO, KioskPage, type Lang } from './kiosk-page';

export interface KioskFixtures {
  lang: Lang;
  pointer: Pointer;
  kiosk: KioskPage;
}

export const test = base.extend<KioskFixtures>({
  lang: ['zh-CN', { option: true }],
  pointer: async ({ hasTouch }, use) => {
    await use(hasTouch ? 'tap' : 'click');
  },
  kiosk: async ({ page, lang, pointer }, use) => {
    await use(new KioskPage(page, lang, pointer));
  },
});
