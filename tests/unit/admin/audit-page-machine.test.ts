import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { auditQueryOf, NO_FILTERS } from '../../../admin/audit/audit-filters';
import { auditPageMachine } from '../../../admin/audit/audit-page-machine';
import { fakeHub, refusal, settle, TOKEN, type FakeHubAnswers } from './admin-harness';

function startPage(answers: Partial<FakeHubAnswers> = {}) {
  const hub = fakeHub(answers);
  const actor = createActor(auditPageMachine.provide({ actors: hub.auditPageActors }), { input: { token: TOKEN } }).start();
  return { actor, hub };
}

const ENTRY = { id: 1, at: '2026-03-02T02:00:00.000Z', username: 'admin', action: 'signIn', target: null, address: '127.0.0.1' } as const;

describe('the Audit log page', () => {
  it('loads page 1 unfiltered, then pages', async () => {
    const { actor, hub } = startPage({ readAudit: (input) => ({ entries: [ENTRY], total: 120, page: input.query.page, pageSize: 50 }) });
    await settle();
    expect(hub.calls.readAudit).toEqual([{ token: TOKEN, query: { page: 1 } }]);
    expect(actor.getSnapshot().context.result?.total).toBe(120);
    actor.send({ type: 'page.chosen', page: 3 });
    await settle();
    expect(hub.calls.readAudit.at(-1)).toEqual({ token: TOKEN, query: { page: 3 } });
    expect(actor.getSnapshot().context.page).toBe(3);
  });

  it('filters from page 1, refuses a backwards date range before asking the hub, and clears', async () => {
    const { actor, hub } = startPage();
    await settle();
    actor.send({ type: 'page.chosen', page: 2 });
    await settle();
    const filters = { username: ' zhao ', action: 'signIn.failed', from: '2026-03-01', to: '2026-03-02' } as const;
    actor.send({ type: 'filters.applied', filters });
    await settle();
    expect(hub.calls.readAudit.at(-1)).toEqual({ token: TOKEN, query: auditQueryOf(filters, 1) });

    const calls = hub.calls.readAudit.length;
    actor.send({ type: 'filters.applied', filters: { ...filters, from: '2026-03-05' } });
    await settle();
    expect(hub.calls.readAudit).toHaveLength(calls);
    expect(actor.getSnapshot().context.error).toBe('admin.audit.badRange');

    actor.send({ type: 'filters.cleared' });
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ filters: NO_FILTERS, page: 1, error: null });
    expect(hub.calls.readAudit.at(-1)).toEqual({ token: TOKEN, query: { page: 1 } });
  });

  it('asks for whole days in the browser’s time zone, the last day included', () => {
    const query = auditQueryOf({ username: ' zhao ', action: 'signIn', from: '2026-03-01', to: '2026-03-02' }, 1);
    expect(query).toEqual({
      page: 1,
      username: 'zhao',
      action: 'signIn',
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 2, 3).toISOString(),
    });
  });

  it('ends when the sign-in has expired', async () => {
    const { actor } = startPage({ readAudit: refusal('staff.signInRequired') });
    await settle();
    expect(actor.getSnapshot().status).toBe('done');
  });
});
