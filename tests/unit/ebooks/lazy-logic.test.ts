/** Actor logic loaded on first use (kiosk/ebooks/lazy-logic.ts), as the session invokes the e-book section. */
import { expect, it } from 'vitest';
import { createActor, createMachine } from 'xstate';
import { lazyLogic } from '../../../kiosk/ebooks/lazy-logic';

const counter = createMachine({ initial: 'zero', states: { zero: { on: { next: 'one' } }, one: {} } });

it('stands for the logic once loaded: an actor of it runs the real machine', async () => {
  let loads = 0;
  const lazy = lazyLogic(async () => {
    loads += 1;
    return counter;
  });
  // Used too early, the actor fails (the session only invokes it once `load` has resolved).
  const early = createActor(lazy.logic);
  const errors: unknown[] = [];
  early.subscribe({ error: (error) => errors.push(error) });
  early.start();
  expect(errors).toEqual([new Error('lazy actor logic used before it was loaded')]);
  await Promise.all([lazy.load(), lazy.load()]);
  const actor = createActor(lazy.logic).start();
  actor.send({ type: 'next' });
  expect([actor.getSnapshot().value, loads]).toEqual(['one', 1]);
});

it('tries a failed load again next time', async () => {
  let fail = true;
  const lazy = lazyLogic(async () => {
    if (fail) throw new Error('offline');
    return counter;
  });
  await expect(lazy.load()).rejects.toThrow('offline');
  fail = false;
  await lazy.load();
  expect(createActor(lazy.logic).start().getSnapshot().value).toBe('zero');
});
