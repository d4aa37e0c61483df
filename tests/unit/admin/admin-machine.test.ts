import { describe, expect, it } from 'vitest';
import { createActor, type ActorRefFrom } from 'xstate';
import { ebooksPageMachine } from '../../../admin/ebooks/ebooks-page-machine';
import { adminMachine } from '../../../admin/shell/admin-machine';
import { fakeHub, HLM, refusal, settle, TOKEN, type FakeHubAnswers } from './admin-harness';

function startAdmin(answers: Partial<FakeHubAnswers> = {}) {
  const hub = fakeHub(answers);
  const actor = createActor(
    adminMachine.provide({
      actors: { staffLogin: hub.staffLogin, staffLogout: hub.staffLogout, ebooksPage: ebooksPageMachine.provide({ actors: hub.pageActors }) },
    }),
  ).start();
  const page = () => actor.getSnapshot().children.ebooks as ActorRefFrom<typeof ebooksPageMachine> | undefined;
  return { actor, hub, page };
}

async function signIn(admin: ReturnType<typeof startAdmin>, password = 'right') {
  admin.actor.send({ type: 'signIn.submitted', username: 'admin', password });
  await settle();
}

describe('the admin shell', () => {
  it('starts signed out, signs in, and opens the e-books page with the list loaded', async () => {
    const admin = startAdmin();
    expect(admin.actor.getSnapshot().value).toBe('signedOut');
    expect(admin.page()).toBeUndefined();

    await signIn(admin);
    const snapshot = admin.actor.getSnapshot();
    expect(snapshot.matches({ signedIn: 'ebooks' })).toBe(true);
    expect(snapshot.context).toEqual({ token: TOKEN, username: 'admin', notice: null });
    expect(admin.hub.calls.login).toEqual([{ username: 'admin', password: 'right' }]);
    expect(admin.hub.calls.list).toEqual([{ token: TOKEN }]);
    expect(admin.page()?.getSnapshot().context.ebooks[0]).toEqual(HLM);
  });

  it('stays on the sign-in form with the reason when the password is wrong, and keeps no password', async () => {
    const admin = startAdmin();
    await signIn(admin, 'wrong');
    const snapshot = admin.actor.getSnapshot();
    expect(snapshot.value).toBe('signedOut');
    expect(snapshot.context).toEqual({ token: null, username: null, notice: 'code.staff.invalidCredentials' });
    expect(JSON.stringify(snapshot.context)).not.toContain('wrong');
    expect(admin.hub.calls.list).toEqual([]);
  });

  it('ends the token at the hub on sign-out, forgets it and stops the page', async () => {
    const admin = startAdmin();
    await signIn(admin);
    const page = admin.page();
    admin.actor.send({ type: 'signOut' });
    await settle();
    expect(admin.hub.calls.logout).toEqual([{ token: TOKEN }]);
    expect(admin.actor.getSnapshot().value).toBe('signedOut');
    expect(admin.actor.getSnapshot().context).toEqual({ token: null, username: null, notice: 'admin.signedOut' });
    expect(page?.getSnapshot().status).toBe('stopped');
    expect(admin.page()).toBeUndefined();
  });

  it('goes back to the sign-in form, saying why, when the token has expired', async () => {
    const admin = startAdmin({ change: refusal('staff.signInRequired') });
    await signIn(admin);
    admin.page()?.send({ type: 'ebook.withdrawChosen', ebookId: HLM.id, withdrawn: true });
    await settle();
    expect(admin.actor.getSnapshot().value).toBe('signedOut');
    expect(admin.actor.getSnapshot().context).toEqual({ token: null, username: null, notice: 'admin.signIn.expired' });
    expect(admin.page()).toBeUndefined();
    expect(admin.hub.calls.logout).toEqual([]);

    // Signing in again opens a fresh page with the new token.
    await signIn(admin);
    expect(admin.actor.getSnapshot().matches({ signedIn: 'ebooks' })).toBe(true);
    expect(admin.hub.calls.list).toHaveLength(2);
    expect(admin.page()?.getSnapshot().context.rowStatus).toEqual({});
  });

  it('ignores a second sign-in while the first is on its way', async () => {
    const admin = startAdmin();
    admin.actor.send({ type: 'signIn.submitted', username: 'admin', password: 'right' });
    admin.actor.send({ type: 'signIn.submitted', username: 'admin', password: 'right' });
    await settle();
    expect(admin.hub.calls.login).toHaveLength(1);
    expect(admin.actor.getSnapshot().matches('signedIn')).toBe(true);
  });
});
