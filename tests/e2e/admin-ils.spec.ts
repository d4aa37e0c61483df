/**
 * The Library system page's settings form, against a hub of this spec's own (started with the
 * embedded ILS and SIP2_TIMEOUT_MS in its environment) and the SIP2 simulator in this worker: an
 * admin types the simulator's settings, a wrong port is refused by field and why, Test connection
 * tries the unsaved settings (a wrong password fails, the right one says what the ILS allows), Save
 * says it takes effect after a restart; the password is in DATA_DIR/secrets (0600), not the database.
 * After a restart the hub runs with them: the page shows SIP2 and a patron signs in through the
 * simulator. Screenshots and axe in zh-CN and en.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { API, KIOSK_TOKEN_HEADER } from '../../shared/api/routes';
import type { MessageParams } from '../../shared/i18n';
import { staffTranslate, type StaffMessageKey } from '../../shared/i18n/staff';
import { createDemoDatabase } from '../sip2/demo-database';
import { startSip2Simulator, type Sip2Simulator } from '../sip2/sip2-simulator';
import { seriousAxeViolations } from './axe';
import { freePort, spawnHub, STAFF_PASSWORD, type SpawnedHub } from './support/spawn-hub';

const screensDir = process.env.E2E_SCREENS_DIR ?? 'test-results/screens';
mkdirSync(screensDir, { recursive: true });

// axe is injected as an inline script (see ./axe.ts).
test.use({ bypassCSP: true });
test.describe.configure({ mode: 'serial' });

let simulator: Sip2Simulator;
let simulatorDb: Awaited<ReturnType<typeof createDemoDatabase>>;
let hub: SpawnedHub;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  simulatorDb = await createDemoDatabase(new Date());
  simulator = await startSip2Simulator({ db: simulatorDb });
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-ils-'));
  hub = spawnHub({ port: await freePort(), dataDir, env: { DEMO: '0', SIP2_TIMEOUT_MS: '2000' }, name: 'Library system hub' });
  await hub.start();
});

test.afterAll(async () => {
  await hub?.stop();
  await simulator?.close();
  simulatorDb?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function panel(page: Page, lang: 'zh-CN' | 'en') {
  const t = (key: StaffMessageKey, params?: MessageParams) => staffTranslate(lang, key, params);
  return {
    t,
    field: (key: StaffMessageKey) => page.getByLabel(t(key), { exact: true }),
    async open() {
      await page.goto(`${hub.url}/admin/${lang === 'en' ? '?lang=en' : ''}`);
      await page.getByLabel(t('admin.username')).fill('admin');
      await page.getByLabel(t('admin.password')).fill(STAFF_PASSWORD);
      await page.getByRole('button', { name: t('admin.signIn') }).click();
      await page.getByRole('navigation', { name: t('admin.nav.label') }).getByRole('link', { name: t('admin.nav.ils') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('admin.ils.title') })).toBeVisible();
    },
    async look(name: string) {
      await page.screenshot({ path: `${screensDir}/admin-${name}-${lang}.png`, fullPage: true });
      expect(await seriousAxeViolations(page), `axe on ${name} (${lang})`).toEqual([]);
    },
  };
}

test('an admin enters the SIP2 settings, tests them unsaved and saves them for the next start (zh-CN)', async ({ page }) => {
  const { t, field, open, look } = panel(page, 'zh-CN');
  const { settings } = simulator;
  await open();
  await expect(page.getByRole('region', { name: t('admin.ils.running') })).toContainText(t('admin.ils.embedded'));
  await expect(page.getByTestId('ils-locked-timeoutMs')).toContainText(t('admin.ils.setByEnvironment', { variable: 'SIP2_TIMEOUT_MS' }));
  await expect(page.getByTestId('ils-locked-timeoutMs')).toContainText(t('admin.ils.timeoutMs', { ms: 2000 }));

  await test.step('a port of 0 is refused by its label and why, before the hub is asked', async () => {
    await field('admin.ils.kind').selectOption('sip2');
    await field('admin.ils.host').fill(settings.host);
    await field('admin.ils.port').fill('0');
    await page.getByRole('button', { name: t('admin.ils.save') }).click();
    await expect(page.getByRole('alert').first()).toHaveText(t('code.ils.invalid'));
    await expect(page.getByRole('listitem').filter({ hasText: t('admin.problem.tooSmall', { field: t('admin.ils.port'), limit: 1 }) })).toBeVisible();
  });

  await test.step('Test connection tries the typed settings: a wrong password fails, the right one says what the ILS allows', async () => {
    await field('admin.ils.port').fill(String(settings.port));
    await field('admin.ils.user').fill(settings.user);
    await field('admin.ils.location').fill(settings.location);
    await field('admin.ils.institution').fill(settings.institution);
    await field('admin.ils.newPassword').fill('not the password');
    await page.getByRole('button', { name: t('admin.ils.test') }).click();
    await expect(page.getByTestId('ils-test')).toContainText(t('admin.ils.test.failed'));
    await field('admin.ils.newPassword').fill(settings.password);
    await page.getByRole('button', { name: t('admin.ils.test') }).click();
    await expect(page.getByTestId('ils-test')).toContainText(t('admin.ils.test.online'));
    await expect(page.getByTestId('ils-test')).toContainText('Demo County Library');
    await expect(page.getByTestId('ils-test')).toContainText(`${t('admin.ils.allow.checkout')}: ${t('admin.ils.allowed')}`);
    await look('ils-test');
  });

  await test.step('Save stores them for the next start, the password in a 0600 file and not in the database', async () => {
    await page.getByRole('button', { name: t('admin.ils.save') }).click();
    await expect(page.getByRole('status')).toHaveText(t('admin.ils.saved'));
    await expect(page.getByTestId('ils-restart')).toHaveText(t('admin.ils.restartNeeded'));
    await expect(page.getByRole('region', { name: t('admin.ils.running') })).toContainText(t('admin.ils.embedded'));
    await expect(field('admin.ils.newPassword')).toHaveValue('');
    const secret = join(dataDir, 'secrets', 'sip2-password');
    expect(readFileSync(secret, 'utf8')).toBe(settings.password);
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'hub.sqlite')).includes(settings.password)).toBe(false);
    await look('ils-saved');
  });
});

test('after a restart the hub runs with the stored settings: SIP2 on the page, a patron signs in through it (en)', async ({ page, request }) => {
  await hub.restart();
  const claimed = await request.post(`${hub.url}${API.kioskClaimLocal}`, { data: {} });
  expect(claimed.ok()).toBe(true);
  const headers = { [KIOSK_TOKEN_HEADER]: ((await claimed.json()) as { token: string }).token };
  const signedIn = await request.post(`${hub.url}${API.session}`, { headers, data: { cardNumber: '20140001', pin: '2580' } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);

  for (const lang of ['en', 'zh-CN'] as const) {
    const { t, open, look } = panel(page, lang);
    await open();
    const running = page.getByRole('region', { name: t('admin.ils.running') });
    await expect(running).toContainText(t('admin.ils.sip2'));
    await expect(page.getByTestId('ils-settings')).toContainText(String(simulator.settings.port));
    await expect(page.getByTestId('ils-settings')).toContainText(t('admin.ils.passwordSet'));
    await expect(page.getByTestId('ils-restart')).toHaveCount(0);
    await look('ils-running');
    await page.getByRole('button', { name: t('admin.signOut') }).click();
  }
});
