/** An abandoned session: the kiosk asks after `idleTimeout`, counts down, then signs the patron out. Time moves by the machine's named delays. */
import { describe, expect, it } from 'vitest';
import { CARD, settle, startSession, TOKEN } from './session-harness';

describe('when nobody touches the kiosk', () => {
  it('asks after the idle timeout, and "still here" keeps the session', async () => {
    const session = startSession();
    const { idleTimeout, countdownTick } = session.delays;
    await session.signIn();
    session.elapse(idleTimeout - countdownTick);
    expect(session.matches({ idle: 'watching' })).toBe(true);
    session.elapse(countdownTick);
    expect(session.matches({ idle: 'warning' })).toBe(true);
    expect(session.context().secondsLeft).toBe(20);
    session.elapse(5 * countdownTick);
    expect(session.context().secondsLeft).toBe(15);

    session.send({ type: 'idle.stillHere' });
    expect(session.matches({ idle: 'watching' })).toBe(true);
    expect(session.screen()).toBe('home');
    session.elapse(idleTimeout - countdownTick);
    expect(session.matches({ idle: 'watching' })).toBe(true);
  });

  it('restarts the wait on any activity', async () => {
    const session = startSession();
    const { idleTimeout, countdownTick } = session.delays;
    const mostOfIt = idleTimeout - 10 * countdownTick;
    await session.signIn();
    session.elapse(mostOfIt);
    session.send({ type: 'activity' });
    session.elapse(mostOfIt);
    expect(session.matches({ idle: 'watching' })).toBe(true);
    session.elapse(10 * countdownTick);
    expect(session.matches({ idle: 'warning' })).toBe(true);
  });

  it('signs out when the countdown ends, leaving no patron data behind', async () => {
    const session = startSession();
    const { idleTimeout, countdown, countdownTick } = session.delays;
    await session.signIn();
    session.send({ type: 'language.toggled' });
    session.send({ type: 'largeText.toggled' });
    session.send({ type: 'borrow.chosen' });
    await session.scan('39010001');

    session.elapse(idleTimeout + countdown - countdownTick);
    expect(session.screen()).toBe('borrow');
    session.elapse(countdownTick);
    await settle();

    expect(session.screen()).toBe('attract');
    expect(session.matches({ idle: 'watching' })).toBe(true);
    expect(session.hub.signOut).toHaveBeenCalledWith({ patronToken: TOKEN });
    const context = session.context();
    expect(context).toMatchObject({ patron: null, patronToken: null, cardNumber: '', entry: '', borrowed: [], loans: [], queue: [] });
    expect(context.language).toBe('zh-CN');
    expect(context.largeText).toBe(false);
    const leftovers = JSON.stringify(context);
    for (const secret of [CARD, TOKEN, '小明', '39010001']) expect(leftovers).not.toContain(secret);
  });

  it('never interrupts the attract screen', () => {
    const session = startSession();
    session.elapse(5 * session.delays.idleTimeout);
    expect(session.matches({ idle: 'watching' })).toBe(true);
  });
});
