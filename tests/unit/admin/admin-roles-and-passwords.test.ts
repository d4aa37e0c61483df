import { describe, expect, it } from 'vitest';
import { HubError } from '../../../shared/api/hub-client';
import { settle, startAdmin, TOKEN } from './admin-harness';

const LIBRARIAN = { username: 'liwei', role: 'librarian', passwordChangeRequired: false } as const;

describe('the admin shell, with roles and remembered sessions', () => {
  it('carries on after a reload with the remembered token, on the e-books page', async () => {
    const admin = await startAdmin({}, { remembered: TOKEN, whoAmI: LIBRARIAN });
    expect(admin.actor.getSnapshot().matches({ signedIn: 'ebooks' })).toBe(true);
    expect(admin.actor.getSnapshot().context).toEqual({ token: TOKEN, username: 'liwei', role: 'librarian', notice: null });
    expect(admin.hub.calls.login).toEqual([]);
  });

  it('shows the sign-in form, and forgets the token, when the hub no longer knows it', async () => {
    const admin = await startAdmin({}, { remembered: TOKEN, whoAmI: null });
    expect(admin.actor.getSnapshot().value).toBe('signedOut');
    expect(admin.stored()).toBeNull();
  });

  it('opens Staff and Audit log for an admin, and nothing but e-books for a librarian', async () => {
    const admin = await startAdmin();
    admin.actor.send({ type: 'signIn.submitted', username: 'admin', password: 'right' });
    await settle();
    admin.actor.send({ type: 'nav.chosen', page: 'staff' });
    await settle();
    expect(admin.actor.getSnapshot().matches({ signedIn: 'staff' })).toBe(true);
    expect(admin.hub.calls.loadStaff).toEqual([{ token: TOKEN }]);
    admin.actor.send({ type: 'nav.chosen', page: 'audit' });
    await settle();
    expect(admin.actor.getSnapshot().matches({ signedIn: 'audit' })).toBe(true);
    expect(admin.actor.getSnapshot().children.staff).toBeUndefined();

    const librarian = await startAdmin({ login: () => ({ ...LIBRARIAN, token: TOKEN }) });
    librarian.actor.send({ type: 'signIn.submitted', username: 'liwei', password: 'x' });
    await settle();
    for (const page of ['staff', 'audit'] as const) {
      librarian.actor.send({ type: 'nav.chosen', page });
      await settle();
      expect(librarian.actor.getSnapshot().matches({ signedIn: 'ebooks' })).toBe(true);
    }
    expect(librarian.hub.calls.loadStaff).toEqual([]);
    expect(librarian.hub.calls.readAudit).toEqual([]);
  });

  it('asks for a new password when an admin set it: refuses a mismatch and a weak one at once, then opens the panel', async () => {
    const admin = await startAdmin({ login: () => ({ ...LIBRARIAN, passwordChangeRequired: true, token: TOKEN }) });
    admin.actor.send({ type: 'signIn.submitted', username: 'liwei', password: 'temporary pass 42' });
    await settle();
    expect(admin.actor.getSnapshot().value).toBe('choosingPassword');
    expect(admin.actor.getSnapshot().children.ebooks).toBeUndefined();

    const tries = [
      [{ newPassword: 'my own secret words', repeated: 'my own secret word' }, 'admin.password.mismatch'],
      [{ newPassword: 'short', repeated: 'short' }, 'code.staff.passwordTooShort'],
      [{ newPassword: 'Qwertyuiop', repeated: 'Qwertyuiop' }, 'code.staff.passwordCommon'],
    ] as const;
    for (const [passwords, notice] of tries) {
      admin.actor.send({ type: 'password.submitted', ...passwords });
      await settle();
      expect(admin.actor.getSnapshot().value).toBe('choosingPassword');
      expect(admin.actor.getSnapshot().context.notice).toBe(notice);
    }
    expect(admin.hub.calls.changeOwnPassword).toEqual([]);

    admin.actor.send({ type: 'password.submitted', newPassword: 'my own secret words', repeated: 'my own secret words' });
    await settle();
    expect(admin.hub.calls.changeOwnPassword).toEqual([{ token: TOKEN, newPassword: 'my own secret words' }]);
    expect(admin.actor.getSnapshot().matches({ signedIn: 'ebooks' })).toBe(true);
    expect(admin.actor.getSnapshot().context.notice).toBeNull();
    expect(JSON.stringify(admin.actor.getSnapshot().context)).not.toContain('secret');
  });

  it('shows the hub’s refusal of the new password, and goes to sign-in when the session is gone', async () => {
    let answer: HubError = new HubError('staff.passwordUnchanged');
    const admin = await startAdmin({
      login: () => ({ ...LIBRARIAN, passwordChangeRequired: true, token: TOKEN }),
      changeOwnPassword: () => Promise.reject(answer),
    });
    admin.actor.send({ type: 'signIn.submitted', username: 'liwei', password: 'temporary pass 42' });
    await settle();
    admin.actor.send({ type: 'password.submitted', newPassword: 'temporary pass 42', repeated: 'temporary pass 42' });
    await settle();
    expect(admin.actor.getSnapshot().value).toBe('choosingPassword');
    expect(admin.actor.getSnapshot().context.notice).toBe('code.staff.passwordUnchanged');

    answer = new HubError('staff.signInRequired');
    admin.actor.send({ type: 'password.submitted', newPassword: 'my own secret words', repeated: 'my own secret words' });
    await settle();
    expect(admin.actor.getSnapshot().value).toBe('signedOut');
    expect(admin.actor.getSnapshot().context.notice).toBe('admin.signIn.expired');
    expect(admin.stored()).toBeNull();
  });
});
