// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProfileSettings, type ProfileInput } from '../../shared/api/fleet-schemas';
import { profileImagePath } from '../../shared/api/routes';
import { DEFAULT_CARD_RULE, DEFAULT_ITEM_RULE } from '../../shared/barcodes';
import { staffTranslatorFor } from '../../shared/i18n/staff';
import { LanguageContext } from '../shell/i18n-context';
import { ProfileForm } from './ProfileForm';
import type { ImageSlot, ProfilesPageEvent } from './profiles-page-machine';

afterEach(cleanup);

const t = staffTranslatorFor('en');
const POSTER = 'a'.repeat(64);
const CODABAR_CARD = { minLength: 14, maxLength: 14, charset: 'digits', checkDigit: 'luhn' } as const;
const SETTINGS = ProfileSettings.parse({
  scanRules: { card: [DEFAULT_CARD_RULE, CODABAR_CARD], item: DEFAULT_ITEM_RULE },
  slides: [
    { text: { 'zh-CN': '读书日', en: 'Book Day' }, image: POSTER },
    { text: { 'zh-CN': '开馆时间', en: 'Opening hours' } },
  ],
});

function renderForm(images: Record<string, ImageSlot> = { 'slide.0': { id: POSTER, uploading: false, problem: null } }) {
  const send = vi.fn<(event: ProfilesPageEvent) => void>();
  const input: ProfileInput = { name: '大厅', settings: SETTINGS };
  render(
    <LanguageContext.Provider value="en">
      <ProfileForm draft={{ id: 2, input }} cameraLabels={[]} problems={[]} images={images} busy={false} send={send} />
    </LanguageContext.Provider>,
  );
  const saved = () => {
    fireEvent.click(screen.getByRole('button', { name: t('admin.profiles.save') }));
    const event = send.mock.calls.map(([sent]) => sent).find((sent) => sent.type === 'profile.save');
    return ProfileSettings.parse((event as { input: { settings: unknown } }).input.settings);
  };
  return { send, saved };
}

const group = (name: string) => screen.getByRole('group', { name });
const press = (name: string, inside?: HTMLElement) => fireEvent.click((inside ? within(inside) : screen).getByRole('button', { name }));

describe('the profile form', () => {
  it('sends the profile as it was, pictures included', () => {
    const { saved } = renderForm();
    // (Selects are left out: happy-dom keeps the wrong option of a select whose options set `selected`.)
    const { slides, scanRules, logo, offline } = saved();
    expect({ slides, scanRules, logo, offline }).toEqual({ slides: SETTINGS.slides, scanRules: { card: [DEFAULT_CARD_RULE, CODABAR_CARD], item: [DEFAULT_ITEM_RULE] }, logo: null, offline: SETTINGS.offline });
    expect(within(group(t('admin.profile.slide.legend', { n: 1 }))).getByRole('img').getAttribute('src')).toBe(profileImagePath(POSTER));
  });

  it('removes a rule in the middle and keeps what was typed in the others', () => {
    const { saved } = renderForm();
    press(t('admin.profile.rules.addcard'));
    const third = group(`${t('admin.profile.rules.card')} 3`);
    fireEvent.input(within(third).getByLabelText(t('admin.profile.rule.minLength')), { target: { value: '10' } });
    fireEvent.input(within(third).getByLabelText(t('admin.profile.rule.maxLength')), { target: { value: '12' } });
    press(t('admin.profile.rule.remove'), group(`${t('admin.profile.rules.card')} 1`));
    expect(screen.queryByRole('group', { name: `${t('admin.profile.rules.card')} 3` })).toBeNull();
    expect(saved().scanRules?.card).toEqual([CODABAR_CARD, { ...DEFAULT_CARD_RULE, prefixes: undefined, minLength: 10, maxLength: 12 }].map(withoutUndefined));
  });

  it('offers no Remove for the last rule of a kind', () => {
    renderForm();
    expect(within(group(`${t('admin.profile.rules.item')} 1`)).queryByRole('button', { name: t('admin.profile.rule.remove') })).toBeNull();
  });

  it('removes a slide with its picture, and says so to the page', () => {
    const { saved, send } = renderForm();
    press(t('admin.profile.slide.remove'), group(t('admin.profile.slide.legend', { n: 1 })));
    expect(send).toHaveBeenCalledWith({ type: 'image.removed', slot: 'slide.0' });
    expect(saved().slides).toEqual([{ text: { 'zh-CN': '开馆时间', en: 'Opening hours' }, image: null }]);
  });

  it('hands a chosen file to the page and waits for the upload before saving', () => {
    const { send } = renderForm({ logo: { id: null, uploading: true, problem: null } });
    expect(screen.getByText(t('admin.profile.image.uploading'))).toBeTruthy();
    expect((screen.getByRole('button', { name: t('admin.profiles.save') }) as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    const ready = renderForm({});
    const file = new File([new Uint8Array([0x89, 0x50])], 'logo.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText(t('admin.profile.image.chooseLogo')), { target: { files: [file] } });
    expect(ready.send).toHaveBeenCalledWith({ type: 'image.chosen', slot: 'logo', kind: 'logo', file, name: 'logo.png' });
    expect(send).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'profile.save' }));
  });
});

/** A rule as ProfileSettings gives it back: no key for an absent field. */
function withoutUndefined<T extends object>(rule: T): T {
  return Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined)) as T;
}
