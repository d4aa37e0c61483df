import { describe, expect, it } from 'vitest';
import { Profile, ProfileList, ProfileSettings } from '../../shared/api/fleet-schemas';
import { API, staffKioskPath, staffProfilePath } from '../../shared/api/routes';
import { KioskConfig } from '../../shared/api/schemas';
import { DEFAULT_CARD_RULE } from '../../shared/barcodes';
import { fleet, freshFleetHubEachTest, hub } from './support/fleet-harness';

freshFleetHubEachTest();

const CHILDREN = {
  name: '少儿阅览室',
  settings: {
    mode: 'ebooks',
    defaultLanguage: 'zh-CN',
    languageSwitch: false,
    idleTimeoutSeconds: 45,
    idleCountdownSeconds: 15,
    sound: false,
    receipt: 'never',
    phoneReceipt: false,
    cameraLabel: 'USB Camera (046d:0825)',
    scanRules: { card: [DEFAULT_CARD_RULE], item: { minLength: 6, maxLength: 10, charset: 'digits', checkDigit: 'none' } },
    slides: [{ text: { 'zh-CN': '4月23日世界读书日', en: 'World Book Day, 23 April' }, image: null }],
    libraryName: { 'zh-CN': '城关少儿图书馆', en: 'Chengguan Children’s Library' },
    logo: null,
    offline: { returnsQueued: false, borrowing: true, maxItemsPerCard: 5 },
  },
} as const;

const create = (body: object) => fleet.asAdmin('POST', API.staffProfiles, body);
const problemsOf = (body: unknown) => (body as { error: { problems?: unknown } }).error.problems;

describe('kiosk profiles', () => {
  it('ship one default profile with today’s defaults, used by the demo kiosk', async () => {
    const { profiles } = ProfileList.parse((await fleet.asAdmin('GET', API.staffProfiles)).json());
    expect(profiles).toEqual([{ id: 1, name: '默认 / Default', kioskCount: 1, settings: ProfileSettings.parse({}) }]);
    expect(profiles[0]?.settings).toMatchObject({ mode: 'both', idleTimeoutSeconds: 60, idleCountdownSeconds: 20, sound: true, receipt: 'ask', phoneReceipt: true });
    // Issue 10's offline policy: returns queued, no borrowing, 3 items a card (a profile stored before it reads so too).
    expect(profiles[0]?.settings.offline).toEqual({ returnsQueued: true, borrowing: false, maxItemsPerCard: 3 });
  });

  it('are created, edited and deleted by admins, audited, and reach their kiosks’ config', async () => {
    const response = await create(CHILDREN);
    expect(response.statusCode).toBe(201);
    const profile = Profile.parse(response.json());
    expect(profile).toEqual({ id: 2, name: '少儿阅览室', kioskCount: 0, settings: CHILDREN.settings });

    const { kioskId, token } = await fleet.pairedKiosk('少儿机', profile.id);
    const config = KioskConfig.parse((await hub.call('GET', API.kioskConfig, { kioskToken: token })).json());
    expect(config).toMatchObject({
      kioskId,
      mode: 'ebooks',
      languageSwitch: false,
      idleTimeoutSeconds: 45,
      sound: false,
      receipt: 'never',
      phoneReceipt: false,
      cameraLabel: 'USB Camera (046d:0825)',
      scanRules: CHILDREN.settings.scanRules,
      slides: CHILDREN.settings.slides,
      libraryName: CHILDREN.settings.libraryName,
      // The profile's offline policy, with the library's loan period added by the hub.
      offline: { ...CHILDREN.settings.offline, loanDays: 30 },
    });

    const edited = await fleet.asAdmin('PUT', staffProfilePath(profile.id), { ...CHILDREN, settings: { ...CHILDREN.settings, idleTimeoutSeconds: 120 } });
    expect(Profile.parse(edited.json())).toMatchObject({ kioskCount: 1, settings: { idleTimeoutSeconds: 120 } });
    expect((await hub.call('GET', API.kioskConfig, { kioskToken: token })).json()).toMatchObject({ idleTimeoutSeconds: 120 });

    const inUse = await fleet.asAdmin('DELETE', staffProfilePath(profile.id));
    expect([inUse.statusCode, inUse.json()]).toEqual([409, { error: { code: 'profile.inUse' } }]);
    await fleet.asAdmin('PATCH', staffKioskPath(kioskId), { profileId: 1 });
    expect((await fleet.asAdmin('DELETE', staffProfilePath(profile.id))).statusCode).toBe(200);
    expect(fleet.staff.auditRows()).toEqual(
      expect.arrayContaining(
        ['profile.created', 'profile.changed', 'profile.deleted'].map((action) => ({ username: 'admin', action, target: '少儿阅览室', address: '127.0.0.1' })),
      ),
    );
  });

  it('refuse deleting the default profile, a taken name and unknown profiles', async () => {
    const kiosklessDefault = await fleet.asAdmin('DELETE', staffProfilePath(1));
    expect(kiosklessDefault.statusCode).toBe(409);
    expect((await create({ name: '默认 / Default', settings: {} })).json()).toEqual({ error: { code: 'profile.nameTaken' } });
    const unknown = await fleet.asAdmin('PUT', staffProfilePath(9), { name: 'x', settings: {} });
    expect([unknown.statusCode, unknown.json()]).toEqual([404, { error: { code: 'profile.unknown' } }]);
    expect((await fleet.asAdmin('DELETE', staffProfilePath(9))).statusCode).toBe(404);
  });

  it('say which field was refused and why', async () => {
    const cases: Array<[settings: object, problems: object[]]> = [
      [{ idleTimeoutSeconds: 15 }, [{ field: 'settings.idleCountdownSeconds', reason: 'notShorterThanIdle' }]],
      [
        { idleTimeoutSeconds: 5 },
        [
          { field: 'settings.idleTimeoutSeconds', reason: 'tooSmall', limit: 10 },
          { field: 'settings.idleCountdownSeconds', reason: 'notShorterThanIdle' },
        ],
      ],
      [{ idleTimeoutSeconds: 7200 }, [{ field: 'settings.idleTimeoutSeconds', reason: 'tooBig', limit: 3600 }]],
      [{ idleTimeoutSeconds: 30.5 }, [{ field: 'settings.idleTimeoutSeconds', reason: 'invalid' }]],
      [{ idleTimeoutSeconds: 30, idleCountdownSeconds: 30 }, [{ field: 'settings.idleCountdownSeconds', reason: 'notShorterThanIdle' }]],
      [{ mode: 'kiosk' }, [{ field: 'settings.mode', reason: 'notAllowed' }]],
      [{ receipt: 'sometimes', sound: 'yes' }, [{ field: 'settings.sound', reason: 'invalid' }, { field: 'settings.receipt', reason: 'notAllowed' }]],
      [{ cameraLabel: '' }, [{ field: 'settings.cameraLabel', reason: 'required', limit: 1 }]],
      [{ slides: [{ text: { 'zh-CN': 'x'.repeat(201), en: '' } }] }, [{ field: 'settings.slides.0.text.zh-CN', reason: 'tooLong', limit: 200 }]],
      [
        { scanRules: { card: { ...DEFAULT_CARD_RULE, minLength: 9 }, item: DEFAULT_CARD_RULE } },
        [{ field: 'settings.scanRules.card.maxLength', reason: 'ruleInconsistent' }],
      ],
      [{ staffNote: 'x' }, [{ field: 'settings', reason: 'notAllowed' }]],
      [{ offline: { maxItemsPerCard: 0 } }, [{ field: 'settings.offline.maxItemsPerCard', reason: 'tooSmall', limit: 1 }]],
      [{ offline: { borrowing: 'yes', maxItemsPerCard: 51 } }, [{ field: 'settings.offline.borrowing', reason: 'invalid' }, { field: 'settings.offline.maxItemsPerCard', reason: 'tooBig', limit: 50 }]],
      // The hub adds the loan period and the blocked cards: a profile cannot set them.
      [{ offline: { loanDays: 90 } }, [{ field: 'settings.offline', reason: 'notAllowed' }]],
    ];
    for (const [settings, problems] of cases) {
      const response = await create({ name: '少儿', settings });
      expect(response.statusCode, JSON.stringify(settings)).toBe(400);
      expect((response.json() as { error: { code: string } }).error.code).toBe('profile.invalid');
      expect(problemsOf(response.json()), JSON.stringify(settings)).toEqual(problems);
    }
    const noName = await create({ name: ' ', settings: {} });
    expect(problemsOf(noName.json())).toEqual([{ field: 'name', reason: 'required', limit: 1 }]);
    expect(hub.db.prepare('SELECT COUNT(*) FROM kiosk_profiles').pluck().get()).toBe(1);
  });
});
