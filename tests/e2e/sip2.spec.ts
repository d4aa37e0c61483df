/**
 * The kiosk's journeys with the hub started with ILS=sip2 against the SIP2 simulator: a hub
 * process of its own (not the suite's demo hub), talking over loopback to a simulator in this
 * worker, so the test can make the library's system stop answering mid-session.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ITEMS } from '../../server/demo/demo-library';
import { translate } from '../../shared/i18n';
import { createDemoDatabase } from '../sip2/demo-database';
import { startSip2Simulator, type Sip2Simulator } from '../sip2/sip2-simulator';
import { DEMO, expect, test } from './fixtures';
import { freePort, spawnHub, type SpawnedHub } from './support/spawn-hub';

/** Short, so a silent ILS ends in "unavailable" quickly; the kiosk must show it, not hang. */
const SIP2_TIMEOUT_MS = 1500;

let simulator: Sip2Simulator;
let simulatorDb: Awaited<ReturnType<typeof createDemoDatabase>>;
let hub: SpawnedHub;
let hubUrl: string;
let dataDir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  simulatorDb = await createDemoDatabase(new Date());
  simulator = await startSip2Simulator({ db: simulatorDb });
  const port = await freePort();
  hubUrl = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-sip2-'));
  const { settings } = simulator;
  hub = spawnHub({
    port,
    dataDir,
    name: 'SIP2 hub',
    env: {
      DEMO: '0',
      ILS: 'sip2',
      SIP2_HOST: settings.host,
      SIP2_PORT: String(settings.port),
      SIP2_USER: settings.user,
      SIP2_PASSWORD: settings.password,
      SIP2_LOCATION: settings.location,
      SIP2_INSTITUTION: settings.institution,
      SIP2_TIMEOUT_MS: String(SIP2_TIMEOUT_MS),
    },
  });
  await hub.start();
});

test.afterAll(async () => {
  await hub?.stop();
  await simulator?.close();
  simulatorDb?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('over SIP2 a patron signs in, borrows, returns, sees and renews loans; a silent ILS gives a clear message, not a hang', async ({ kiosk, page }) => {
  const lang = kiosk.lang;
  await page.goto(`${hubUrl}/kiosk/`);
  await kiosk.expectScreen('attract');

  await test.step('sign in with the card and PIN the ILS knows', async () => {
    await kiosk.signIn(DEMO.active.card, DEMO.active.pin);
    await kiosk.expectScreen('home');
    await expect(kiosk.main()).toContainText('张伟');
  });

  await test.step('borrow: the due date the ILS gives, and its print line as sent', async () => {
    await kiosk.press(kiosk.names.borrow);
    await kiosk.expectScreen('borrow');
    await kiosk.scan(DEMO_ITEMS.firstOnShelf);
    const row = kiosk.row('borrow-row', DEMO_ITEMS.firstOnShelf);
    await expect(row).toHaveAttribute('data-status', 'ok');
    await expect(row).toContainText(translate(lang, 'borrow.ok'));
    await expect(row.getByTestId('ils-words')).toHaveText(/^Due \d{4}-\d{2}-\d{2}$/);
    // A refusal reads in our words, with the ILS's beside them.
    await kiosk.scan(DEMO_ITEMS.referenceOnly);
    const refused = kiosk.row('borrow-row', DEMO_ITEMS.referenceOnly);
    await expect(refused).toHaveAttribute('data-status', 'refused');
    await expect(refused).toContainText(translate(lang, 'code.item.notForLoan'));
    await expect(refused).toContainText('Item not for loan');
  });

  await test.step('return: one to the shelf, one put aside for a hold with the ILS’s sort bin', async () => {
    await kiosk.press(kiosk.names.return);
    await kiosk.expectScreen('return');
    await kiosk.scan(DEMO_ITEMS.dueSoon);
    await expect(kiosk.row('return-row', DEMO_ITEMS.dueSoon)).toContainText(translate(lang, 'disposition.shelf'));
    await kiosk.scan(DEMO_ITEMS.dueLater);
    const held = kiosk.row('return-row', DEMO_ITEMS.dueLater);
    await expect(held).toContainText(translate(lang, 'disposition.hold'));
    await expect(held).toContainText(translate(lang, 'return.sortBin', { bin: 'HOLDS' }));
  });

  await test.step('my loans shows what the ILS has on the card, and renews one', async () => {
    await kiosk.press(kiosk.names.loans);
    await kiosk.expectScreen('loans');
    await expect(kiosk.rows('loan-row')).toHaveCount(1);
    const loan = kiosk.row('loan-row', DEMO_ITEMS.firstOnShelf);
    await kiosk.press(loan.getByRole('button', { name: kiosk.names.renew, exact: true }));
    await expect(loan).toHaveAttribute('data-renewed', 'true');
    await expect(loan).toContainText(translate(lang, 'loans.renewed'));
  });

  await test.step('the ILS stops answering mid-session: the patron is told the library system is unavailable, in time', async () => {
    await kiosk.press(kiosk.names.borrow);
    await kiosk.expectScreen('borrow');
    simulator.misbehave({ silent: true });
    const startedAt = Date.now();
    await kiosk.scan(String(Number(DEMO_ITEMS.firstOnShelf) + 1));
    const row = kiosk.row('borrow-row', String(Number(DEMO_ITEMS.firstOnShelf) + 1));
    await expect(row).toContainText(translate(lang, 'code.ils.unavailable'), { timeout: 4 * SIP2_TIMEOUT_MS });
    await expect(row).toHaveAttribute('data-status', 'refused');
    expect(Date.now() - startedAt).toBeLessThan(4 * SIP2_TIMEOUT_MS);
    // The kiosk is not stuck: the patron can still leave.
    await kiosk.press(kiosk.names.finish);
    await expect(kiosk.main()).not.toHaveAttribute('data-screen', 'borrow');
  });
});
