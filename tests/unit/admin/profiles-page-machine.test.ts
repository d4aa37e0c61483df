/** The Profiles page machine and the profile form's helpers, with the hub faked. */
import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { problemText, profileInputOf, triedBarcode } from '../../../admin/profiles/profile-form';
import { profilesPageMachine, type ProfilesView, type UploadImageInput } from '../../../admin/profiles/profiles-page-machine';
import { PROFILE_IMAGE_MAX_BYTES, type ProfileImageUploaded } from '../../../shared/api/kiosk-slides';
import { ProfileSettings, type Profile, type ProfileInput } from '../../../shared/api/fleet-schemas';
import { HubError } from '../../../shared/api/hub-client';
import { DEFAULT_CARD_RULE, DEFAULT_ITEM_RULE } from '../../../shared/barcodes';
import { staffTranslatorFor } from '../../../shared/i18n/staff';
import { settle, TOKEN } from './admin-harness';

const DEFAULT: Profile = { id: 1, name: '默认 / Default', settings: ProfileSettings.parse({}), kioskCount: 1 };
const WITH_PICTURES: Profile = {
  id: 3,
  name: '少儿',
  kioskCount: 0,
  settings: ProfileSettings.parse({ logo: 'b'.repeat(64), slides: [{ text: { 'zh-CN': '读书日', en: 'Book Day' }, image: 'a'.repeat(64) }, { text: { 'zh-CN': '开馆', en: 'Open' } }] }),
};
const VIEW: ProfilesView = { profiles: [DEFAULT, WITH_PICTURES], cameraLabels: ['USB Camera'] };

function startPage(
  save: (input: { id: number | null; input: ProfileInput }) => Promise<Profile> = async ({ input }) => ({ ...DEFAULT, id: 2, ...input, kioskCount: 0 }),
  upload: (input: UploadImageInput) => Promise<ProfileImageUploaded> = async () => ({ id: 'c'.repeat(64), width: 800, height: 600 }),
) {
  const saves = vi.fn(save);
  const deletes = vi.fn(async (_input: unknown) => DEFAULT);
  const uploads = vi.fn(upload);
  const actor = createActor(
    profilesPageMachine.provide({
      actors: {
        loadProfiles: fromPromise(async () => VIEW),
        saveProfile: fromPromise(({ input }) => saves(input)),
        deleteProfile: fromPromise(({ input }) => deletes(input)),
        uploadImage: fromPromise(({ input }) => uploads(input)),
      },
    }),
    { input: { token: TOKEN } },
  ).start();
  return { actor, saves, deletes, uploads, context: () => actor.getSnapshot().context };
}

const picture = (bytes: number) => new Blob([new Uint8Array(bytes)], { type: 'image/png' });

describe('the Profiles page’s pictures', () => {
  it('start from the draft’s logo and slides', async () => {
    const page = startPage();
    await settle();
    page.actor.send({ type: 'profile.edit', profileId: 3 });
    expect(page.context().images).toEqual({
      logo: { id: 'b'.repeat(64), uploading: false, problem: null },
      'slide.0': { id: 'a'.repeat(64), uploading: false, problem: null },
      'slide.1': { id: null, uploading: false, problem: null },
    });
    page.actor.send({ type: 'form.cancelled' });
    expect(page.context().images).toEqual({});
  });

  it('upload a chosen file at once and name what the hub stored', async () => {
    let finish: (uploaded: ProfileImageUploaded) => void = () => undefined;
    const page = startPage(undefined, () => new Promise((resolve) => (finish = resolve)));
    await settle();
    page.actor.send({ type: 'profile.new' });
    const file = picture(1000);
    page.actor.send({ type: 'image.chosen', slot: 'slide.4', kind: 'slide', file, name: 'book-day.jpg' });
    expect(page.context().images['slide.4']).toEqual({ id: null, uploading: true, problem: null });
    expect(page.uploads).toHaveBeenCalledWith({ token: TOKEN, kind: 'slide', file, name: 'book-day.jpg' });
    // The page goes on meanwhile: a reload does not lose the upload.
    page.actor.send({ type: 'list.reload' });
    finish({ id: 'd'.repeat(64), width: 1600, height: 900 });
    await settle();
    expect(page.context().images['slide.4']).toEqual({ id: 'd'.repeat(64), uploading: false, problem: null });
    page.actor.send({ type: 'image.removed', slot: 'slide.4' });
    expect(page.context().images['slide.4']).toEqual({ id: null, uploading: false, problem: null });
  });

  it('refuse a file past the limit without sending it, and say why the hub refused one', async () => {
    const page = startPage(undefined, () => Promise.reject(new HubError('profileImage.unsupportedType')));
    await settle();
    page.actor.send({ type: 'profile.new' });
    page.actor.send({ type: 'image.chosen', slot: 'logo', kind: 'logo', file: picture(PROFILE_IMAGE_MAX_BYTES + 1), name: 'huge.png' });
    expect(page.uploads).not.toHaveBeenCalled();
    expect(page.context().images.logo).toEqual({ id: null, uploading: false, problem: 'code.profileImage.tooLarge' });
    page.actor.send({ type: 'image.chosen', slot: 'logo', kind: 'logo', file: picture(10), name: 'logo.png' });
    await settle();
    expect(page.context().images.logo).toEqual({ id: null, uploading: false, problem: 'code.profileImage.unsupportedType' });
  });

  it('ignore an upload that ends after the form closed, and end the page when the session expired', async () => {
    const page = startPage(undefined, () => Promise.reject(new HubError('staff.signInRequired')));
    await settle();
    page.actor.send({ type: 'profile.new' });
    page.actor.send({ type: 'image.chosen', slot: 'logo', kind: 'logo', file: picture(10), name: 'logo.png' });
    await settle();
    expect(page.actor.getSnapshot().status).toBe('done');

    const closed = startPage(undefined, async () => ({ id: 'e'.repeat(64), width: 1, height: 1 }));
    await settle();
    closed.actor.send({ type: 'profile.new' });
    closed.actor.send({ type: 'image.chosen', slot: 'logo', kind: 'logo', file: picture(10), name: 'logo.png' });
    closed.actor.send({ type: 'form.cancelled' });
    await settle();
    expect(closed.context().images).toEqual({});
  });

  it('take the newer draft’s upload, not one the closed form left running for the same picture', async () => {
    const answers: Array<(uploaded: ProfileImageUploaded) => void> = [];
    const page = startPage(undefined, () => new Promise((resolve) => answers.push(resolve)));
    await settle();
    page.actor.send({ type: 'profile.new' });
    page.actor.send({ type: 'image.chosen', slot: 'logo', kind: 'logo', file: picture(10), name: 'old.png' });
    page.actor.send({ type: 'form.cancelled' });
    page.actor.send({ type: 'profile.new' });
    page.actor.send({ type: 'image.chosen', slot: 'logo', kind: 'logo', file: picture(10), name: 'new.png' });
    // A second choice while it uploads is not sent.
    page.actor.send({ type: 'image.chosen', slot: 'logo', kind: 'logo', file: picture(10), name: 'again.png' });
    expect(page.uploads.mock.calls.map(([input]) => input.name)).toEqual(['old.png', 'new.png']);
    answers[0]!({ id: 'e'.repeat(64), width: 1, height: 1 });
    await settle();
    expect(page.context().images.logo).toEqual({ id: null, uploading: true, problem: null });
    answers[1]!({ id: 'f'.repeat(64), width: 1, height: 1 });
    await settle();
    expect(page.context().images.logo).toEqual({ id: 'f'.repeat(64), uploading: false, problem: null });
    expect(page.context().uploads).toEqual({});
  });
});

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
    expect(page.context()).toMatchObject({ draft: null, problems: [], notice: { key: 'admin.profiles.saved', params: { name: '少儿' }, tone: 'done' } });
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

const NO_KEYS = { rules: { card: [], item: [] }, slides: [] };
const IMAGE = 'a'.repeat(64);
const LOGO = 'b'.repeat(64);

describe('the profile form', () => {
  const rules = { card: DEFAULT_CARD_RULE, item: { ...DEFAULT_ITEM_RULE, acceptIsbn: true } };

  it('tries a barcode and says what it is, or why not, in the staff’s language', () => {
    const zh = staffTranslatorFor('zh-CN');
    const en = staffTranslatorFor('en');
    expect(triedBarcode('20140001', rules, en)).toBe('Accepted as a library card.');
    expect(triedBarcode('39010001', rules, en)).toBe('Accepted as an item barcode.');
    expect(triedBarcode('9787506365437', rules, en)).toBe('Accepted as a book’s ISBN.');
    expect(triedBarcode('2014', rules, en)).toBe('Not accepted. As a library card: it is too short; as an item barcode: it is too short.');
    expect(triedBarcode('12345678', rules, zh)).toBe('不接受。作为读者证：开头不是允许的前缀；作为图书条码：开头不是允许的前缀。');
  });

  it('names the refused field by its label', () => {
    const en = staffTranslatorFor('en');
    const zh = staffTranslatorFor('zh-CN');
    expect(problemText({ field: 'settings.idleTimeoutSeconds', reason: 'tooSmall', limit: 10 }, en)).toBe('Idle timeout (seconds): must be at least 10.');
    expect(problemText({ field: 'settings.idleTimeoutSeconds', reason: 'tooBig', limit: 3600 }, zh)).toBe('无操作超时（秒）：不能大于 3600。');
    expect(problemText({ field: 'settings.scanRules.card.0.maxLength', reason: 'ruleInconsistent' }, en)).toMatch(/^Barcode rules › Library cards › Longest: contradicts/);
    expect(problemText({ field: 'settings.slides.1.text.en', reason: 'tooLong', limit: 200 }, en)).toBe('Attract-screen slides › 2: at most 200 characters.');
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
    const input = profileInputOf(form, NO_KEYS) as { settings: { offline: unknown } };
    expect(input.settings.offline).toEqual({ returnsQueued: false, borrowing: true, maxItemsPerCard: 4 });
    form.set('offline.maxItemsPerCard', '');
    expect((profileInputOf(form, NO_KEYS) as { settings: { offline: { maxItemsPerCard: number } } }).settings.offline.maxItemsPerCard).toBeNaN();
  });

  it('reads rules and slides by their keys, in the order shown, with their pictures and the logo', () => {
    const form = new FormData();
    const rule = (key: string, minLength: string) => {
      form.set(`${key}.minLength`, minLength);
      form.set(`${key}.maxLength`, '8');
      form.set(`${key}.charset`, 'digits');
      form.set(`${key}.checkDigit`, 'none');
    };
    // Card rule 1 was removed: keys 0 and 11 are left, and 11 was added after it.
    rule('card.0', '8');
    rule('card.11', '14');
    rule('item.0', '6');
    form.set('slide.12.zh-CN', '世界读书日');
    form.set('slide.12.en', 'World Book Day');
    form.set('slide.12.image', IMAGE);
    form.set('slide.0.zh-CN', '开馆时间');
    form.set('slide.0.en', '');
    form.set('slide.0.image', '');
    form.set('logo', LOGO);
    const { settings } = profileInputOf(form, { rules: { card: [0, 11], item: [0] }, slides: [12, 0] }) as { settings: ProfileSettings };
    expect(settings.scanRules?.card).toEqual([
      { minLength: 8, maxLength: 8, charset: 'digits', checkDigit: 'none' },
      { minLength: 14, maxLength: 8, charset: 'digits', checkDigit: 'none' },
    ]);
    expect(settings.slides).toEqual([
      { text: { 'zh-CN': '世界读书日', en: 'World Book Day' }, image: IMAGE },
      { text: { 'zh-CN': '开馆时间', en: '' }, image: null },
    ]);
    expect(settings.logo).toBe(LOGO);
  });

  it('says why a picture or its slide was refused', () => {
    const en = staffTranslatorFor('en');
    expect(problemText({ field: 'settings.slides.0.text.en', reason: 'imageNeedsText' }, en)).toMatch(/^Attract-screen slides › 1: a slide with a picture needs its text/);
    expect(problemText({ field: 'settings.slides.2.image', reason: 'imageUnknown' }, en)).toBe('Attract-screen slides › 3 › Picture: the picture is no longer on the hub; choose it again.');
    expect(problemText({ field: 'settings.logo', reason: 'imageUnknown' }, staffTranslatorFor('zh-CN'))).toBe('图书馆标志：服务器上已没有这张图片，请重新选择。');
  });
});
