/** A look at a screen in a spec: a full-page screenshot `${name}-${lang}.png` in test-results/screens/, and no serious axe finding (the spec sets `test.use({ bypassCSP: true })`, see ../axe.ts). */
import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { seriousAxeViolations } from '../axe';

export const SCREENS_DIR = 'test-results/screens';

export async function look(page: Page, name: string, lang: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENS_DIR}/${name}-${lang}.png`, fullPage: true });
  expect(await seriousAxeViolations(page), `axe on ${name} (${lang})`).toEqual([]);
}
