/**
 * The journeys' fixtures: `kiosk` is the kiosk page object in the test's `lang` (set with
 * `test.use({ lang: 'en' })`), pressing by `pointer`: tap in the touch project, click elsewhere.
 * It is not opened yet, so a journey can install a fake clock first. `kioskWithCamera(video)`
 * opens a browser of its own whose fake camera plays `video` (./support/fake-camera-videos) and
 * hands back its kiosk page object, built the same way; the browsers close when the test ends.
 */
import { test as base, type Browser } from '@playwright/test';
import { KioskPage, type Lang, type Pointer } from './kiosk-page';

export { expect } from '@playwright/test';
export { DEMO, KioskPage, type Lang } from './kiosk-page';

/** Every camera track the page opened, as 'live' or 'ended' (pages of `kioskWithCamera`). */
declare global {
  interface Window {
    cameraTracks(): MediaStreamTrackState[];
  }
}

export interface KioskFixtures {
  lang: Lang;
  pointer: Pointer;
  kiosk: KioskPage;
  kioskWithCamera: (video: string) => Promise<KioskPage>;
}

export const test = base.extend<KioskFixtures>({
  lang: ['zh-CN', { option: true }],
  pointer: async ({ hasTouch }, use) => {
    await use(hasTouch ? 'tap' : 'click');
  },
  kiosk: async ({ page, lang, pointer }, use) => {
    await use(new KioskPage(page, lang, pointer));
  },
  kioskWithCamera: async ({ playwright, launchOptions, baseURL, lang, pointer }, use) => {
    const browsers: Browser[] = [];
    await use(async (video) => {
      const browser = await playwright.chromium.launch({
        ...launchOptions,
        args: [
          ...(launchOptions.args ?? []),
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          `--use-file-for-fake-video-capture=${video}`,
        ],
      });
      browsers.push(browser);
      const page = await browser.newPage({ baseURL, viewport: { width: 1920, height: 1080 }, locale: lang });
      await page.addInitScript(() => {
        const tracks: MediaStreamTrack[] = [];
        const devices = navigator.mediaDevices;
        const open = devices.getUserMedia.bind(devices);
        devices.getUserMedia = async (constraints) => {
          const stream = await open(constraints);
          tracks.push(...stream.getTracks());
          return stream;
        };
        window.cameraTracks = () => tracks.map((track) => track.readyState);
      });
      return new KioskPage(page, lang, pointer);
    });
    await Promise.all(browsers.map((browser) => browser.close()));
  },
});
