/** The Offline transactions page's routes: kiosk names, no caching of card numbers, the role matrix, and handling in the audit log. */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { OfflineIssueList } from '../../shared/api/offline-staff-schemas';
import { API, KIOSK_TOKEN_HEADER, staffOfflineTransactionHandledPath } from '../../shared/api/routes';
import type { OfflineTransaction } from '../../shared/api/schemas';
import { ADMIN_PASSWORD, LIBRARIAN_PASSWORD, staffHarness } from './support/staff-harness';
import { createTestHub, daysAfter, START, type TestHub } from './support/test-hub';

let hub: TestHub;
afterEach(() => hub.close());

const MADE_AT = new Date(START.getTime() - 60 * 60_000).toISOString();
const unknownCardCheckout = (itemBarcode: string): OfflineTransaction => ({
  type: 'checkout', requestId: randomUUID(), itemBarcode, cardNumber: '20149998', occurredAt: MADE_AT, dueAt: daysAfter(new Date(MADE_AT), 30),
});

it('lists refusals with the kiosk’s name, not cached, for librarians and admins only; handling one is audited', async () => {
  hub = await createTestHub();
  const lobby = hub.addKiosk('lobby-2');
  const replayed = await hub.call('POST', API.kioskOfflineTransactions, { body: { transactions: [unknownCardCheckout('39010018')] }, kioskToken: lobby });
  expect(replayed.json()).toMatchObject({ results: [{ outcome: 'refused' }] });
  const staff = staffHarness(hub);
  await staff.addAccount('zhao', LIBRARIAN_PASSWORD, 'librarian');
  await staff.addAccount('admin', ADMIN_PASSWORD, 'admin');
  const librarian = (await staff.signIn('zhao', LIBRARIAN_PASSWORD)).token;
  const admin = (await staff.signIn('admin', ADMIN_PASSWORD)).token;

  const listed = await staff.asStaff(librarian, 'GET', API.staffOfflineTransactions);
  expect(listed.headers['cache-control']).toBe('no-store');
  const [issue] = OfflineIssueList.parse(listed.json()).issues;
  expect(issue).toMatchObject({ kioskId: 'lobby-2', kioskName: 'Kiosk lobby-2', cardNumber: '20149998', itemBarcode: '39010018', outcome: 'refused', code: 'card.unknown', at: MADE_AT });
  expect((await staff.asStaff(admin, 'GET', API.staffOfflineTransactions)).statusCode).toBe(200);

  // Not for a kiosk, nor without a session.
  expect((await hub.app.inject({ method: 'GET', url: API.staffOfflineTransactions, headers: { [KIOSK_TOKEN_HEADER]: lobby } })).statusCode).toBe(401);
  expect((await hub.app.inject({ method: 'POST', url: staffOfflineTransactionHandledPath(issue!.id), headers: { [KIOSK_TOKEN_HEADER]: lobby } })).statusCode).toBe(401);

  const handled = await staff.asStaff(librarian, 'POST', staffOfflineTransactionHandledPath(issue!.id));
  expect(handled.statusCode).toBe(204);
  expect(staff.auditRows().at(-1)).toMatchObject({ username: 'zhao', action: 'offline.handled', target: `${issue!.id} (39010018)` });
  expect(OfflineIssueList.parse((await staff.asStaff(librarian, 'GET', API.staffOfflineTransactions)).json()).issues).toEqual([]);
});
