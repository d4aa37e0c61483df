import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { staffPageMachine } from '../../../admin/staff/staff-page-machine';
import { ADMIN_ACCOUNT, deferred, fakeHub, refusal, settle, TOKEN, ZHAO, type FakeHubAnswers } from './admin-harness';

function startPage(answers: Partial<FakeHubAnswers> = {}) {
  const hub = fakeHub(answers);
  const actor = createActor(staffPageMachine.provide({ actors: hub.staffPageActors }), { input: { token: TOKEN, username: 'admin' } }).start();
  return { actor, hub };
}

describe('the Staff page', () => {
  it('loads the accounts', async () => {
    const { actor, hub } = startPage();
    expect(actor.getSnapshot().value).toBe('loading');
    await settle();
    expect(actor.getSnapshot().matches({ ready: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.accounts).toEqual([ADMIN_ACCOUNT, ZHAO]);
    expect(hub.calls.loadStaff).toEqual([{ token: TOKEN }]);
  });

  it('creates an account, puts it in the list in order and says so; checks username and password first', async () => {
    const { actor, hub } = startPage();
    await settle();
    for (const [account, notice] of [
      [{ username: 'li wei', role: 'librarian', password: 'temporary pass 42' }, 'admin.staff.usernameInvalid'],
      [{ username: 'liwei', role: 'librarian', password: 'short' }, 'code.staff.passwordTooShort'],
      [{ username: 'liwei', role: 'librarian', password: 'woaini1314' }, 'code.staff.passwordCommon'],
      [{ username: 'liwei', role: 'librarian', password: 'Password123' }, 'code.staff.passwordCommon'],
    ] as const) {
      actor.send({ type: 'account.createRequested', account });
      expect(actor.getSnapshot().context.notice).toEqual({ key: notice, tone: 'refused' });
    }
    expect(hub.calls.createStaff).toEqual([]);

    actor.send({ type: 'account.createRequested', account: { username: ' liwei ', role: 'admin', password: 'temporary pass 42' } });
    await settle();
    expect(hub.calls.createStaff).toEqual([{ token: TOKEN, account: { username: 'liwei', role: 'admin', password: 'temporary pass 42' } }]);
    const { accounts, notice, created } = actor.getSnapshot().context;
    expect(accounts.map((a) => a.username)).toEqual(['admin', 'liwei', 'zhao']);
    expect(notice).toEqual({ key: 'admin.staff.created', params: { username: 'liwei' }, tone: 'done' });
    expect(created).toBe(1);
  });

  it('shows the hub’s refusal, and does one change at a time', async () => {
    const held = deferred<never>();
    const { actor, hub } = startPage({ createStaff: () => held.promise, setDisabled: refusal('staff.notYourself') });
    await settle();
    actor.send({ type: 'account.createRequested', account: { username: 'zhao', role: 'librarian', password: 'temporary pass 42' } });
    actor.send({ type: 'account.disableChosen', staffId: ZHAO.id, disabled: true });
    expect(hub.calls.setDisabled).toEqual([]);
    held.reject(new (await import('../../../shared/api/hub-client')).HubError('staff.usernameTaken'));
    await settle();
    expect(actor.getSnapshot().context.notice).toEqual({ key: 'code.staff.usernameTaken', tone: 'refused' });

    actor.send({ type: 'account.disableChosen', staffId: 1, disabled: true });
    await settle();
    expect(actor.getSnapshot().context.notice).toEqual({ key: 'code.staff.notYourself', tone: 'refused' });
  });

  it('disables and re-enables an account', async () => {
    const { actor, hub } = startPage();
    await settle();
    actor.send({ type: 'account.disableChosen', staffId: ZHAO.id, disabled: true });
    await settle();
    expect(hub.calls.setDisabled).toEqual([{ token: TOKEN, staffId: ZHAO.id, disabled: true }]);
    expect(actor.getSnapshot().context.accounts.find((a) => a.id === ZHAO.id)?.disabled).toBe(true);
    expect(actor.getSnapshot().context.notice).toEqual({ key: 'admin.staff.disabledDone', params: { username: 'zhao' }, tone: 'done' });
    actor.send({ type: 'account.disableChosen', staffId: ZHAO.id, disabled: false });
    await settle();
    expect(actor.getSnapshot().context.notice?.key).toBe('admin.staff.enabledDone');
  });

  it('resets a password from the row’s own form, checked against the rule', async () => {
    const { actor, hub } = startPage();
    await settle();
    actor.send({ type: 'account.resetOpened', staffId: ZHAO.id });
    expect(actor.getSnapshot().context.resetting).toBe(ZHAO.id);
    actor.send({ type: 'account.resetRequested', staffId: ZHAO.id, password: '1234567890' });
    expect(actor.getSnapshot().context.notice).toEqual({ key: 'code.staff.passwordCommon', tone: 'refused' });
    actor.send({ type: 'account.resetRequested', staffId: ZHAO.id, password: 'temporary pass 43' });
    await settle();
    expect(hub.calls.resetPassword).toEqual([{ token: TOKEN, staffId: ZHAO.id, password: 'temporary pass 43' }]);
    expect(actor.getSnapshot().context).toMatchObject({ resetting: null, notice: { key: 'admin.staff.resetDone', params: { username: 'zhao' }, tone: 'done' } });
    expect(actor.getSnapshot().context.accounts.find((a) => a.id === ZHAO.id)?.passwordChangeRequired).toBe(true);
  });

  it('ends when the sign-in has expired, and offers a reload when the list could not load', async () => {
    const expired = startPage({ setDisabled: refusal('staff.signInRequired') });
    await settle();
    expired.actor.send({ type: 'account.disableChosen', staffId: ZHAO.id, disabled: true });
    await settle();
    expect(expired.actor.getSnapshot().status).toBe('done');

    let fail = true;
    const failing = startPage({ loadStaff: () => (fail ? Promise.reject(new Error('network')) : { accounts: [ZHAO] }) });
    await settle();
    expect(failing.actor.getSnapshot().value).toBe('failed');
    expect(failing.actor.getSnapshot().context.loadError).toBe('code.internal');
    fail = false;
    failing.actor.send({ type: 'list.reload' });
    await settle();
    expect(failing.actor.getSnapshot().context.accounts).toEqual([ZHAO]);
  });
});
