import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { patronsPageMachine, type ActionDone, type ActionInput, type PatronInput, type SearchInput } from '../../../admin/patrons/patrons-page-machine';
import type { PatronDetail, PatronSearchPage } from '../../../shared/patrons/schemas';
import { deferred, refusal, settle, TOKEN } from './admin-harness';

const WANG: PatronDetail = {
  cardNumber: '20140003',
  displayName: '王芳',
  fullName: '王芳',
  category: null,
  expiresOn: '2028-03-01',
  finesMinor: 0,
  pinChangeRequired: false,
  blocks: ['overdue'],
  manualBlockReason: null,
  loans: [],
  holds: [],
  lock: { locked: true, lockedUntil: '2026-03-02T02:15:00.000Z', failedCount: 5, dayLock: false },
};
const FOUND: PatronSearchPage = {
  patrons: [{ cardNumber: WANG.cardNumber, displayName: '王芳', fullName: '王芳', expiresOn: WANG.expiresOn }],
  total: 1,
  page: 1,
  pageSize: 50,
};

interface Answers {
  searchPatrons: (input: SearchInput) => Promise<PatronSearchPage>;
  loadPatron: (input: PatronInput) => Promise<PatronDetail>;
  actOnPatron: (input: ActionInput) => Promise<ActionDone>;
}

function startPage(answers: Partial<Answers> = {}) {
  const calls = { searchPatrons: [] as SearchInput[], loadPatron: [] as PatronInput[], actOnPatron: [] as ActionInput[] };
  const all: Answers = {
    searchPatrons: async () => FOUND,
    loadPatron: async () => WANG,
    actOnPatron: async ({ action }) => ({ patron: { ...WANG, lock: { ...WANG.lock, locked: false } }, generatedPin: action.kind === 'pinReset' && action.pin === null ? '480316' : null }),
    ...answers,
  };
  const actors = Object.fromEntries(
    (Object.keys(all) as Array<keyof Answers>).map((name) => [
      name,
      fromPromise(({ input }: { input: never }) => {
        (calls[name] as unknown[]).push(input);
        return (all[name] as (input: never) => Promise<unknown>)(input);
      }),
    ]),
  );
  const actor = createActor(patronsPageMachine.provide({ actors }), { input: { token: TOKEN } }).start();
  return { actor, calls };
}

async function openWang(answers: Partial<Answers> = {}) {
  const page = startPage(answers);
  await settle();
  page.actor.send({ type: 'patron.opened', cardNumber: WANG.cardNumber });
  await settle();
  expect(page.actor.getSnapshot().matches({ patron: 'idle' })).toBe(true);
  return page;
}

describe('the Patrons page', () => {
  it('lists patrons at first, then searches for what staff typed, from the first page', async () => {
    const { actor, calls } = startPage();
    await settle();
    expect(actor.getSnapshot().matches('results')).toBe(true);
    actor.send({ type: 'search.pageChosen', page: 2 });
    await settle();
    actor.send({ type: 'search.submitted', q: ' 王 ' });
    await settle();
    expect(calls.searchPatrons).toEqual([
      { token: TOKEN, q: '', page: 1 },
      { token: TOKEN, q: '', page: 2 },
      { token: TOKEN, q: '王', page: 1 },
    ]);
    expect(actor.getSnapshot().context.results).toEqual(FOUND);
  });

  it('says patrons are managed in the library’s own system when the hub runs with SIP2', async () => {
    const { actor } = startPage({ searchPatrons: refusal('patrons.managedByIls') });
    await settle();
    expect(actor.getSnapshot().value).toBe('managedElsewhere');
  });

  it('ends when the staff token has expired', async () => {
    const { actor } = startPage({ searchPatrons: refusal('staff.signInRequired') });
    await settle();
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('shows an unknown patron’s refusal and stays on the results', async () => {
    const { actor } = startPage({ loadPatron: refusal('patron.unknown') });
    await settle();
    actor.send({ type: 'patron.opened', cardNumber: '99999999' });
    await settle();
    expect(actor.getSnapshot().matches('results')).toBe(true);
    expect(actor.getSnapshot().context.notice).toEqual({ key: 'code.patron.unknown', tone: 'refused' });
  });

  it('unlocks at once, without a confirmation, and says so', async () => {
    const { actor, calls } = await openWang();
    actor.send({ type: 'unlock.requested' });
    await settle();
    expect(calls.actOnPatron).toEqual([{ token: TOKEN, cardNumber: WANG.cardNumber, action: { kind: 'unlock' } }]);
    const { patron, notice, changes } = actor.getSnapshot().context;
    expect(patron?.lock.locked).toBe(false);
    expect(notice).toMatchObject({ key: 'admin.patrons.unlockDone', params: { card: WANG.cardNumber }, tone: 'done' });
    expect(changes).toBe(1);
  });

  it('asks before resetting the PIN; a cancel sends nothing', async () => {
    const { actor, calls } = await openWang();
    actor.send({ type: 'pinReset.requested', pin: '4071' });
    expect(actor.getSnapshot().matches({ patron: 'confirming' })).toBe(true);
    actor.send({ type: 'confirm.cancelled' });
    expect(actor.getSnapshot().matches({ patron: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.pending).toBeNull();
    await settle();
    expect(calls.actOnPatron).toEqual([]);
  });

  it('refuses a weak PIN before the hub sees it; an empty field asks the hub for one, shown until dismissed', async () => {
    const { actor, calls } = await openWang();
    for (const pin of ['1234', '0000', '12', 'abcd']) {
      actor.send({ type: 'pinReset.requested', pin });
      expect(actor.getSnapshot().context.notice).toEqual({ key: 'code.pin.weak', tone: 'refused' });
      expect(actor.getSnapshot().matches({ patron: 'idle' })).toBe(true);
    }
    actor.send({ type: 'pinReset.requested', pin: '  ' });
    actor.send({ type: 'confirm.accepted' });
    await settle();
    expect(calls.actOnPatron).toEqual([{ token: TOKEN, cardNumber: WANG.cardNumber, action: { kind: 'pinReset', pin: null } }]);
    expect(actor.getSnapshot().context.generatedPin).toBe('480316');
    actor.send({ type: 'generatedPin.dismissed' });
    expect(actor.getSnapshot().context.generatedPin).toBeNull();
  });

  it('forgets a generated PIN at the next change or on leaving the patron', async () => {
    const { actor } = await openWang();
    actor.send({ type: 'pinReset.requested', pin: '' });
    actor.send({ type: 'confirm.accepted' });
    await settle();
    expect(actor.getSnapshot().context.generatedPin).toBe('480316');
    actor.send({ type: 'expiry.requested', expiresOn: '2030-12-31' });
    expect(actor.getSnapshot().context.generatedPin).toBeNull();
    await settle();
    actor.send({ type: 'pinReset.requested', pin: '' });
    actor.send({ type: 'confirm.accepted' });
    await settle();
    actor.send({ type: 'patron.closed' });
    expect(actor.getSnapshot().matches('results')).toBe(true);
    expect(actor.getSnapshot().context.generatedPin).toBeNull();
  });

  it('blocks with a reason after a confirmation, and refuses a block without one', async () => {
    const { actor, calls } = await openWang();
    actor.send({ type: 'block.requested', reason: '   ' });
    expect(actor.getSnapshot().context.notice).toEqual({ key: 'code.patron.blockReasonMissing', tone: 'refused' });
    actor.send({ type: 'block.requested', reason: ' 借书证遗失 ' });
    expect(actor.getSnapshot().context.pending).toEqual({ kind: 'block', reason: '借书证遗失' });
    actor.send({ type: 'confirm.accepted' });
    await settle();
    actor.send({ type: 'unblock.requested' });
    expect(actor.getSnapshot().matches({ patron: 'confirming' })).toBe(true);
    actor.send({ type: 'confirm.accepted' });
    await settle();
    expect(calls.actOnPatron.map((call) => call.action)).toEqual([{ kind: 'block', reason: '借书证遗失' }, { kind: 'unblock' }]);
    expect(actor.getSnapshot().context.notice?.key).toBe('admin.patrons.unblock.done');
  });

  it('checks an expiry date first, and shows the hub’s refusal of a change', async () => {
    const { actor, calls } = await openWang({ actOnPatron: refusal('patron.unknown') });
    actor.send({ type: 'expiry.requested', expiresOn: '2026-02-30' });
    expect(actor.getSnapshot().context.notice).toEqual({ key: 'code.patron.expiryInvalid', tone: 'refused' });
    actor.send({ type: 'expiry.requested', expiresOn: '2026-03-01' });
    await settle();
    expect(calls.actOnPatron).toHaveLength(1);
    expect(actor.getSnapshot().context.notice).toEqual({ key: 'code.patron.unknown', tone: 'refused' });
    expect(actor.getSnapshot().matches({ patron: 'idle' })).toBe(true);
  });

  it('does one change at a time', async () => {
    const held = deferred<ActionDone>();
    const { actor, calls } = await openWang({ actOnPatron: () => held.promise });
    actor.send({ type: 'unlock.requested' });
    actor.send({ type: 'expiry.requested', expiresOn: '2030-01-01' });
    await settle();
    expect(calls.actOnPatron).toHaveLength(1);
    held.resolve({ patron: WANG, generatedPin: null });
    await settle();
    expect(actor.getSnapshot().matches({ patron: 'idle' })).toBe(true);
  });
});
