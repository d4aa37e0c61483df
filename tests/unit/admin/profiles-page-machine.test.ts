/** The Profiles page machine and the profile form's helpers, with the hub faked. */
import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { problemText, profileInputOf, triedBarcode } from '../../../admin/profiles/profile-form';
import { profilesPageMachine, type ProfilesView } from '../../../admin/profiles/profiles-page-machine';
import { ProfileSettings, type Profile, type ProfileInput } from '../../../shared/api/fleet-schemas';
import { HubError } from '../../../shared/api/hub-client';
import { DEFAULT_CARD_RULE, DEFAULT_ITEM_RULE } from '../../../shared/barcodes';
import { staffTranslatorFor } from '../../../shared/i18n/staff';
import { settle, TOKEN } from './admin-harness';

const DEFAULT: Profile = { id: 1, name: '默认 / Default', settings: ProfileSettings.parse({}), kioskCount: 1 };
const VIEW: ProfilesView = { profiles: [DEFAULT], cameraLabels: ['USB Camera'] };

function startPage(save: (input: { id: number | null; input: ProfileInput }) => Promise<Profile> = async ({ input }) => ({ ...DEFAULT, id: 2, ...input, kioskCount: 0 })) {
  const saves = vi.fn(save);
  const deletes = vi.fn(async (_input: unknown) => DEFAULT);
  const actor = createActor(
    profilesPageMachine.provide({
      actors: { loadProfiles: fromPromise(async () => VIEW), saveProfile: fromPromise(({ input }) => saves(input)), deleteProfile: fromPromise(({ input }) => deletes(input)) },
    }),
    { input: { token: TOKEN } },
  ).start();
  return { actor, saves, deletes, context: () => actor.getSnapshot().context };
}

describe('the Profiles page', () => {
  it('checks the form with the shared rules first, and lists what is wrong by field', async () => {
    const page = startPage();
    await settle();
    page.actor.send({ type: 'profile.edit', profileId: 1 });
    expect(page.context().draft).toEqual({ id: 1, input: { name: '默认 / Default', settings: DEFAULT.settings } });
    page.actor.send({ type: 'profile.save', input: { name: '默认 / Default', settings: { ...DEFAULT.settings, idleTimeoutSeconds: 3 } } });
    expect(page.saves).not.toHaveBeenCalled();
    expect(page.context().problems).toEqual([
      { field: 'settings.idleTimeoutSeconds', reason: 'tooSmall', limit: 10 },
      { field: 'settings.idleCountdownSeconds', reason: 'notShorterThanIdle' },
    ]);
  });

  it('saves a valid profile, says so and closes the form', async () => {
    const page = startPage();
    await settle();
    page.actor.send({ type: 'profile.new' });
    page.actor.send({ type: 'profile.save', input: { name: '少儿', settings: { ...DEFAULT.settings, idleTimeoutSeconds: 45 } } });
    await settle();
    expect(page.saves.mock.calls[0]?.[0]).toMatchObject({ token: TOKEN, id: null, input: { name: '少儿', settings: { idleTimeoutSeconds: 45 } } });
    expect(page.context()).toMatchObject({ draft: null, problems: [], notice: { key: 'admin.profiles.saved', name: '少儿', tone: 'done' } });
  });

  it('shows the hub’s field problems and refusals', async () => {
    const page = startPage(() => Promise.reject(new HubError('profile.invalid', { problems: [{ field: 'name', reason: 'tooLong', limit: 60 }] })));
    await settle();
    page.actor.send({ type: 'profile.new' });
    page.actor.send({ type: 'profile.save', input: { name: '少儿', settings: DEFAULT.settings } });
    await settle();
    expect(page.context()).toMatchObject({ notice: { key: 'code.profile.invalid' }, problems: [{ field: 'name', reason: 'tooLong', limit: 60 }] });
    expect(page.context().draft).not.toBeNull();
  });

  it('deletes only after confirming', async () => {
    const page = startPage();
    await settle();
    page.actor.send({ type: 'delete.chosen', profileId: 1 });
    page.actor.send({ type: 'delete.cancelled' });
    page.actor.send({ type: 'delete.confirmed' });
    await settle();
    expect(page.deletes).not.toHaveBeenCalled();
    page.actor.send({ type: 'delete.chosen', profileId: 1 });
    page.actor.send({ type: 'delete.confirmed' });
    await settle();
    expect(page.deletes).toHaveBeenCalledWith({ token: TOKEN, id: 1 });
  });
});

describe('the profile form', () => {
  const rules = { card: DEFAULT_CARD_RULE, item: { ...DEFAULT_ITEM_RULE, acceptIsbn: true } };

  it('tries a barcode and says what it is, or why not, in the staff’s language', () => {
    const zh = staffTranslatorFor('zh-CN');
    const en = staffTranslatorFor('en');
    expect(triedBarcode('20140001', rules, en)).toBe('Accepted as a library card.');
    expect(triedBarcode('39010001', rules, en)).toBe('Accepted as an item barcode.');
    expect(triedBarcode('9787506365437', rules, en)).toBe('Accepted as a book’s ISBN.');
    expect(triedBarcode('2014', rules, en)).toBe('Not accepted: Library cards：it is too short；Item barcodes：it is too short.');
    expect(triedBarcode('12345678', rules, zh)).toBe('不接受：读者证：开头不是允许的前缀；图书条码：开头不是允许的前缀。');
  });

  it('names the refused field by its label', () => {
    const en = staffTranslatorFor('en');
    const zh = staffTranslatorFor('zh-CN');
    expect(problemText({ field: 'settings.idleTimeoutSeconds', reason: 'tooSmall', limit: 10 }, en)).toBe('Idle timeout (seconds): must be at least 10.');
    expect(problemText({ field: 'settings.idleTimeoutSeconds', reason: 'tooBig', limit: 3600 }, zh)).toBe('无操作超时（秒）：不能大于 3600。');
    expect(problemText({ field: 'settings.scanRules.card.0.maxLength', reason: 'ruleInconsistent' }, en)).toMatch(/^Barcode rules › Library cards › Longest: contradicts/);
    expect(problemText({ field: 'settings.slides.1.text.en', reason: 'tooLong', limit: 200 }, en)).toBe('Attract-screen text › 2: at most 200 characters.');
    expect(problemText({ field: 'name', reason: 'required', limit: 1 }, zh)).toBe('方案名称：必须填写。');
    expect(problemText({ field: 'settings.offline.maxItemsPerCard', reason: 'tooBig', limit: 50 }, en)).toBe(
      'While the library server cannot be reached › Items per card while offline: must be at most 50.',
    );
    expect(problemText({ field: 'settings.offline.borrowing', reason: 'invalid' }, zh)).toBe('连不上服务器时 › 离线时允许借书：格式不对。');
  });

  it('reads the offline policy from its fields', () => {
    const form = new FormData();
    form.set('offline.borrowing', 'on');
    form.set('offline.maxItemsPerCard', '4');
    const input = profileInputOf(form, { card: 0, item: 0 }, 0) as { settings: { offline: unknown } };
    expect(input.settings.offline).toEqual({ returnsQueued: false, borrowing: true, maxItemsPerCard: 4 });
    form.set('offline.maxItemsPerCard', '');
    expect((profileInputOf(form, { card: 0, item: 0 }, 0) as { settings: { offline: { maxItemsPerCard: number } } }).settings.offline.maxItemsPerCard).toBeNaN();
  });
});
