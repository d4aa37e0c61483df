import { describe, expect, it } from 'vitest';
import { type ActorRefFrom } from 'xstate';
import { ebooksPageMachine } from '../../../admin/ebooks/ebooks-page-machine';
import { HLM, refusal, settle, startAdmin, TOKEN } from './admin-harness';

async function signIn(admin: Awaited<ReturnType<typeof startAdmin>>, password = 'right', username = 'admin') {
  admin.actor.send({ type: 'signIn.submitted', username, password });
  await settle();
}

const ebooksPage = (admin: Awaited<ReturnType<typeof startAdmin>>) => admin.actor.getSnapshot().children.ebooks as ActorRefFrom<typeof ebooksPageMachine> | undefined;

describe('the admin shell', () => {
  it('starts signed out, signs in, and opens the e-books page with the list loaded', async () => {
    const admin = await startAdmin();
    expect(admin.actor.getSnapshot().value).toBe('signedOut');
    expect(ebooksPage(admin)).toBeUndefined();

    await signIn(admin);
    const snapshot = admin.actor.getSnapshot();
    expect(snapshot.matches({ signedIn: 'ebooks' })).toBe(true);
    expect(snapshot.context).toEqual({ token: TOKEN, username: 'admin', role: 'admin', notice: null });
    expect(admin.stored()).toBe(TOKEN);
    expect(admin.hub.calls.login).toEqual([{ username: 'admin', password: 'right' }]);
    expect(admin.hub.calls.list).toEqual([{ token: TOKEN }]);
    expect(ebooksPage(admin)?.getSnapshot().context.ebooks[0]).toEqual(HLM);
  });

  it('stays on the sign-in form with the reason when the password is wrong, and keeps no password', async () => {
    const admin = await startAdmin();
    await signIn(admin, 'wrong');
    const snapshot = admin.actor.getSnapshot();
    expect(snapshot.value).toBe('signedOut');
    expect(snapshot.context).toEqual({ token: null, username: null, role: null, notice: 'code.staff.invalidCredentials' });
    expect(JSON.stringify(snapshot.context)).not.toContain('wrong');
    expect(admin.hub.calls.list).toEqual([]);
  });

  it('ends the token at the hub on sign-out, forgets it and stops the page', async () => {
    const admin = await startAdmin();
    await signIn(admin);
    const page = ebooksPage(admin);
    admin.actor.send({ type: 'signOut' });
    await settle();
    expect(admin.hub.calls.logout).toEqual([{ token: TOKEN }]);
    expect(admin.stored()).toBeNull();
    expect(admin.actor.getSnapshot().value).toBe('signedOut');
    expect(admin.actor.getSnapshot().context).toEqual({ token: null, username: null, role: null, notice: 'admin.signedOut' });
    expect(page?.getSnapshot().status).toBe('stopped');
    expect(ebooksPage(admin)).toBeUndefined();
  });

  it('goes back to the sign-in form, saying why, when the token has expired', async () => {
    const admin = await startAdmin({ change: refusal('staff.signInRequired') });
    await signIn(admin);
    ebooksPage(admin)?.send({ type: 'ebook.withdrawChosen', ebookId: HLM.id, withdrawn: true });
    await settle();
    expect(admin.actor.getSnapshot().value).toBe('signedOut');
    expect(admin.actor.getSnapshot().context).toEqual({ token: null, username: null, role: null, notice: 'admin.signIn.expired' });
    expect(ebooksPage(admin)).toBeUndefined();
    expect(admin.hub.calls.logout).toEqual([]);

    // Signing in again opens a fresh page with the new token.
    await signIn(admin);
    expect(admin.actor.getSnapshot().matches({ signedIn: 'ebooks' })).toBe(true);
    expect(admin.hub.calls.list).toHaveLength(2);
    expect(ebooksPage(admin)?.getSnapshot().context.rowStatus).toEqual({});
  });

  it('ignores a second sign-in while the first is on its way', async () => {
    const admin = await startAdmin();
    admin.actor.send({ type: 'signIn.submitted', username: 'admin', password: 'right' });
    admin.actor.send({ type: 'signIn.submitted', username: 'admin', password: 'right' });
    await settle();
    expect(admin.hub.calls.login).toHaveLength(1);
    expect(admin.actor.getSnapshot().matches('signedIn')).toBe(true);
  });
});
