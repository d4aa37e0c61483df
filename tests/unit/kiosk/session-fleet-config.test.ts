/** A profile changed at the hub reaches the session as `config.changed`: applied between patrons only. */
import { describe, expect, it } from 'vitest';
import { CONFIG, startSession } from './session-harness';

const CHANGED = { ...CONFIG, idleTimeoutSeconds: 120, idleCountdownSeconds: 30, sound: false, configVersion: 'v2' };

describe('a changed kiosk config', () => {
  it('applies at once on the attract screen', () => {
    const session = startSession();
    session.send({ type: 'config.changed', config: CHANGED });
    expect(session.context()).toMatchObject({ config: CHANGED, pendingConfig: null, secondsLeft: 30 });
  });

  it('waits through a session, and applies when the kiosk is back on the attract screen', async () => {
    const session = startSession();
    await session.signIn();
    expect(session.screen()).toBe('home');
    session.send({ type: 'config.changed', config: CHANGED });
    expect(session.context().config).toEqual(CONFIG);
    expect(session.context().pendingConfig).toEqual(CHANGED);

    // The patron's idle timeout is still the one the session started with.
    const { idleTimeout, countdownTick } = session.delays;
    session.elapse(idleTimeout - countdownTick);
    expect(session.matches({ idle: 'watching' })).toBe(true);
    session.elapse(countdownTick);
    expect(session.matches({ idle: 'warning' })).toBe(true);
    session.elapse(session.delays.countdown);
    expect(session.screen()).toBe('attract');
    expect(session.context()).toMatchObject({ config: CHANGED, pendingConfig: null });

    // The next patron gets the new idle timeout: 120 s, not 60.
    await session.signIn();
    session.elapse(idleTimeout);
    expect(session.matches({ idle: 'watching' })).toBe(true);
    session.elapse(60_000);
    expect(session.matches({ idle: 'warning' })).toBe(true);
  });

  it('keeps only the latest of several changes made during a session', async () => {
    const session = startSession();
    await session.signIn();
    session.send({ type: 'config.changed', config: { ...CHANGED, configVersion: 'v2' } });
    session.send({ type: 'config.changed', config: { ...CHANGED, idleTimeoutSeconds: 90, configVersion: 'v3' } });
    session.send({ type: 'signIn.cancelled' });
    session.send({ type: 'finish.chosen' });
    session.elapse(session.delays.idleTimeout + session.delays.countdown);
    expect(session.screen()).toBe('attract');
    expect(session.context().config).toMatchObject({ idleTimeoutSeconds: 90, configVersion: 'v3' });
  });

  it('follows the new default language unless the page was opened with ?lang=', () => {
    const followed = startSession();
    followed.send({ type: 'config.changed', config: { ...CONFIG, defaultLanguage: 'en' } });
    expect(followed.context()).toMatchObject({ defaultLanguage: 'en', language: 'en' });

    const pinned = startSession({ language: 'en', config: { defaultLanguage: 'zh-CN' } });
    pinned.send({ type: 'config.changed', config: { ...CONFIG, defaultLanguage: 'zh-CN', sound: false } });
    expect(pinned.context()).toMatchObject({ defaultLanguage: 'en', language: 'en' });
  });
});
