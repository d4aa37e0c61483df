// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { HubError } from '../../shared/api/hub-client';
import type { IlsConnectionTest, IlsSettingsView } from '../../shared/api/ils-settings-schemas';
import { staffTranslatorFor } from '../../shared/i18n/staff';
import { LanguageContext } from '../shell/i18n-context';
import { IlsPage } from './ils-page';
import { ilsPageMachine } from './ils-page-machine';

const t = staffTranslatorFor('en');
const TOKEN = 's'.repeat(43);
const SIP2: IlsSettingsView = {
  ils: 'sip2',
  sip2: { host: 'koha.example', port: 6001, tls: true, user: 'selfcheck', passwordSet: true, location: 'MAIN', institution: 'CPL', encoding: 'utf-8', terminator: 'cr', timeoutMs: 5000 },
  next: {
    ils: 'sip2',
    sip2: { host: 'koha.example', port: 6001, tls: true, user: 'selfcheck', passwordSet: true, location: 'MAIN', institution: 'CPL', encoding: 'utf-8', terminator: 'cr', timeoutMs: 5000 },
  },
  fromEnvironment: [],
  restartNeeded: false,
};
const ONLINE: IlsConnectionTest = { ok: true, online: true, allows: { checkout: true, checkin: true, renewal: false, offline: false }, libraryName: 'Centerville' };

function startPage(settings: IlsSettingsView | Error, test: IlsConnectionTest | Error = ONLINE) {
  const answer = <T,>(value: T | Error) => (value instanceof Error ? Promise.reject(value) : Promise.resolve(value));
  const calls = { read: vi.fn(), test: vi.fn() };
  const actor = createActor(
    ilsPageMachine.provide({
      actors: {
        readIlsSettings: fromPromise(async ({ input }: { input: { token: string } }) => (calls.read(input), answer(settings))),
        testIlsConnection: fromPromise(async ({ input }: { input: { token: string } }) => (calls.test(input), answer(test))),
      },
    }),
    { input: { token: TOKEN } },
  ).start();
  render(
    <LanguageContext.Provider value="en">
      <IlsPage actor={actor} />
    </LanguageContext.Provider>,
  );
  return { actor, calls };
}

const settle = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))));

afterEach(cleanup);

describe('the Library system page', () => {
  it('shows the SIP2 settings read-only, the password only as set, and the 98 reply in words after Test connection', async () => {
    const { calls } = startPage(SIP2);
    await settle();
    expect(calls.read).toHaveBeenCalledWith({ token: TOKEN });
    const settings = screen.getByTestId('ils-settings').textContent!;
    for (const shown of ['koha.example', '6001', 'selfcheck', 'MAIN', 'CPL', 'utf-8', 'CR', t('admin.ils.passwordSet'), t('admin.ils.timeoutMs', { ms: 5000 })]) {
      expect(settings).toContain(shown);
    }
    expect(screen.queryByRole('textbox')).toBeNull();

    await act(() => screen.getByRole('button', { name: t('admin.ils.test') }).click());
    await settle();
    expect(calls.test).toHaveBeenCalledWith({ token: TOKEN });
    const result = screen.getByTestId('ils-test').textContent!;
    expect(result).toContain(t('admin.ils.test.online'));
    expect(result).toContain('Centerville');
    expect(result).toContain(`${t('admin.ils.allow.checkout')}: ${t('admin.ils.allowed')}`);
    expect(result).toContain(`${t('admin.ils.allow.renewal')}: ${t('admin.ils.notAllowed')}`);
    expect(result).toContain(`${t('admin.ils.allow.offline')}: ${t('admin.ils.notAllowed')}`);
  });

  it('says why a test failed, in our words with the hub’s account beside them', async () => {
    startPage(SIP2, { ok: false, reason: 'SIP2 login refused' });
    await settle();
    await act(() => screen.getByRole('button', { name: t('admin.ils.test') }).click());
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(`${t('admin.ils.test.failed')}SIP2 login refused`);
  });

  it('with the embedded ILS says there is nothing to connect to, and offers no test', async () => {
    const { actor, calls } = startPage({ ...SIP2, ils: 'embedded', sip2: null, next: { ...SIP2.next, ils: 'embedded' } });
    await settle();
    expect(screen.getByText(t('admin.ils.embedded'))).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    actor.send({ type: 'test.requested' });
    await settle();
    expect(calls.test).not.toHaveBeenCalled();
  });

  it('ends when the sign-in has expired, so the shell asks for it again', async () => {
    const { actor } = startPage(new HubError('staff.signInRequired'));
    await settle();
    expect(actor.getSnapshot().status).toBe('done');
  });
});
