import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { offlinePageMachine, type MarkHandledInput } from '../../../admin/offline/offline-page-machine';
import { PAGES_FOR } from '../../../admin/shell/admin-machine';
import { HubError } from '../../../shared/api/hub-client';
import type { OfflineIssue, OfflineIssueList } from '../../../shared/api/offline-staff-schemas';
import { settle, TOKEN } from './admin-harness';

const issue = (id: number, itemBarcode: string, overrides: Partial<OfflineIssue> = {}): OfflineIssue => ({
  id,
  at: '2026-03-02T01:00:00.000Z',
  kioskId: 'lobby',
  kioskName: 'Lobby',
  type: 'checkout',
  cardNumber: '20140001',
  itemBarcode,
  outcome: 'refused',
  code: 'card.unknown',
  handledAt: null,
  handledBy: null,
  ...overrides,
});
const REFUSED = issue(7, '39010016');
const CONFLICT = issue(5, '39010051', { outcome: 'conflict', code: 'item.onLoanToOther' });

function startPage(answers: { load?: () => Promise<OfflineIssueList>; mark?: (input: MarkHandledInput) => Promise<undefined> } = {}) {
  const calls = { load: 0, mark: [] as MarkHandledInput[] };
  const actor = createActor(
    offlinePageMachine.provide({
      actors: {
        loadOfflineIssues: fromPromise(async () => (calls.load++, (answers.load ?? (async () => ({ issues: [REFUSED, CONFLICT] })))())),
        markOfflineIssueHandled: fromPromise(async ({ input }: { input: MarkHandledInput }) => (calls.mark.push(input), (answers.mark ?? (async () => undefined))(input))),
      },
    }),
    { input: { token: TOKEN } },
  ).start();
  return { actor, calls };
}

describe('the Offline transactions page', () => {
  it('lists what the hub refused or took with a conflict, and a handled one leaves the list with a notice', async () => {
    const { actor, calls } = startPage();
    await settle();
    expect(actor.getSnapshot().matches({ ready: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.issues).toEqual([REFUSED, CONFLICT]);
    actor.send({ type: 'issue.handled', id: REFUSED.id });
    expect(actor.getSnapshot().matches({ ready: 'handling' })).toBe(true);
    await settle();
    expect(calls.mark).toEqual([{ token: TOKEN, id: REFUSED.id }]);
    expect(actor.getSnapshot().context).toMatchObject({
      issues: [CONFLICT],
      handling: null,
      notice: { key: 'admin.offline.handled', params: { item: '39010016' }, tone: 'done' },
    });
  });

  it('ignores an issue it does not list, and keeps one the hub would not mark, saying why', async () => {
    const { actor, calls } = startPage({ mark: () => Promise.reject(new HubError('request.invalid')) });
    await settle();
    actor.send({ type: 'issue.handled', id: 99 });
    await settle();
    expect(calls.mark).toEqual([]);
    actor.send({ type: 'issue.handled', id: CONFLICT.id });
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ issues: [REFUSED, CONFLICT], handling: null, notice: { key: 'code.request.invalid', tone: 'refused' } });
  });

  it('reloads on request, keeping the list on screen meanwhile; a failed first load offers Reload', async () => {
    let answer: () => Promise<OfflineIssueList> = () => Promise.reject(new HubError('network.offline'));
    const { actor, calls } = startPage({ load: () => answer() });
    await settle();
    expect(actor.getSnapshot().matches('failed')).toBe(true);
    expect(actor.getSnapshot().context.loadError).toBe('code.network.offline');
    answer = async () => ({ issues: [CONFLICT] });
    actor.send({ type: 'list.reload' });
    await settle();
    expect(actor.getSnapshot().context.issues).toEqual([CONFLICT]);
    answer = async () => ({ issues: [REFUSED, CONFLICT] });
    actor.send({ type: 'list.reload' });
    expect(actor.getSnapshot().matches({ ready: 'refreshing' })).toBe(true);
    expect(actor.getSnapshot().context.issues).toEqual([CONFLICT]);
    await settle();
    expect(actor.getSnapshot().context.issues).toEqual([REFUSED, CONFLICT]);
    expect(calls.load).toBe(3);
  });

  it('ends when the sign-in has expired, loading or marking', async () => {
    const loading = startPage({ load: () => Promise.reject(new HubError('staff.signInRequired')) });
    await settle();
    expect(loading.actor.getSnapshot().status).toBe('done');
    const marking = startPage({ mark: () => Promise.reject(new HubError('staff.signInRequired')) });
    await settle();
    marking.actor.send({ type: 'issue.handled', id: REFUSED.id });
    await settle();
    expect(marking.actor.getSnapshot().status).toBe('done');
  });

  it('is open to librarians and admins', () => {
    expect(PAGES_FOR.librarian).toContain('offline');
    expect(PAGES_FOR.admin).toContain('offline');
  });
});
