/**
 * The kiosk-side schemas are zod/mini ones, which load no locale: the field problems the admin panel
 * translates must not depend on zod's English messages. Nothing here imports classic zod.
 */
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../../shared/api/field-problems';
import { ProfileInput, ProfileSettings } from '../../../shared/api/fleet-schemas';
import { KioskConfig } from '../../../shared/api/schemas';

const problemsOf = (body: unknown) => parseForm(ProfileInput, body).problems;

describe('Field problems of a profile', () => {
  it('name a missing field required and a wrong type invalid', () => {
    expect(problemsOf({ settings: { sound: 'yes' } })).toEqual([
      { field: 'name', reason: 'required' },
      { field: 'settings.sound', reason: 'invalid' },
    ]);
  });

  it('give the bound of a number or a length, an empty text as required', () => {
    expect(problemsOf({ name: 'x'.repeat(61), settings: { idleTimeoutSeconds: 5, cameraLabel: '' } })).toEqual([
      { field: 'name', reason: 'tooLong', limit: 60 },
      { field: 'settings.idleTimeoutSeconds', reason: 'tooSmall', limit: 10 },
      { field: 'settings.cameraLabel', reason: 'required', limit: 1 },
      { field: 'settings.idleCountdownSeconds', reason: 'notShorterThanIdle' },
    ]);
  });

  it('name the reason a refinement gives, and a field the form does not have', () => {
    const slide = { text: { 'zh-CN': '', en: 'Hello' }, image: 'a'.repeat(64) };
    expect(problemsOf({ name: '大厅', settings: { idleTimeoutSeconds: 30, idleCountdownSeconds: 30, slides: [slide], colour: 'red' } })).toEqual([
      { field: 'settings.slides.0.text.zh-CN', reason: 'imageNeedsText' },
      { field: 'settings', reason: 'notAllowed' },
      { field: 'settings.idleCountdownSeconds', reason: 'notShorterThanIdle' },
    ]);
  });
});

describe('Defaults of the shared schemas', () => {
  it('complete an empty profile with today’s settings, the offline policy included', () => {
    expect(ProfileSettings.parse({})).toEqual({
      mode: 'both',
      defaultLanguage: 'zh-CN',
      languageSwitch: true,
      idleTimeoutSeconds: 60,
      idleCountdownSeconds: 20,
      sound: true,
      receipt: 'ask',
      phoneReceipt: true,
      cameraLabel: null,
      scanRules: null,
      slides: [],
      libraryName: null,
      logo: null,
      offline: { returnsQueued: true, borrowing: false, maxItemsPerCard: 3 },
    });
    expect(ProfileSettings.safeParse({ offline: { loanDays: 7 } }).success).toBe(false);
  });

  it('complete a kiosk config an older hub sent', () => {
    const config = KioskConfig.parse({
      kioskId: 'k1',
      name: 'Lobby',
      mode: 'both',
      defaultLanguage: 'zh-CN',
      libraryName: { 'zh-CN': '图书馆', en: 'Library' },
      idleTimeoutSeconds: 60,
      idleCountdownSeconds: 20,
      sound: true,
      receipt: 'ask',
    });
    expect(config).toMatchObject({ languageSwitch: true, phoneReceipt: true, slides: [], logo: null, pinFormat: 'digits', configVersion: '' });
    expect(config.offline).toEqual({ returnsQueued: true, borrowing: false, maxItemsPerCard: 3, loanDays: 30, cardHashSalt: '', blockedCards: [] });
    expect(config.scanRules.card).toMatchObject({ prefixes: ['2014'], charset: 'digits' });
  });
});
