// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { HubError } from '../../shared/api/hub-client';
import type { IlsConnectionTest, IlsSettingsInput, IlsSettingsView } from '../../shared/api/ils-settings-schemas';
import { staffTranslatorFor } from '../../shared/i18n/staff';
import { LanguageContext } from '../shell/i18n-context';
import { IlsPage } from './ils-page';
import { ilsPageMachine, type IlsFormCall } from './ils-page-machine';

const t = staffTranslatorFor('en');
const TOKEN = 's'.repeat(43);
const KOHA = { host: 'koha.example', port: 6001, tls: true, user: 'selfcheck', passwordSet: true, location: 'MAIN', institution: 'CPL', encoding: 'utf-8', terminator: 'cr', timeoutMs: 5000 } as const;
const SIP2: IlsSettingsView = { ils: 'sip2', sip2: KOHA, next: { ils: 'sip2', sip2: KOHA }, fromEnvironment: [], restartNeeded: false };
const ONLINE: IlsConnectionTest = { ok: true, online: true, allows: { checkout: true, checkin: true, renewal: false, offline: false }, libraryName: 'Centerville' };
const { passwordSet: _, ...KOHA_FIELDS } = KOHA;

interface Answers {
  read?: IlsSettingsView | Error;
  save?: IlsSettingsView | Error;
  test?: IlsConnectionTest | Error;
}

function startPage({ read = SIP2, save = { ...SIP2, restartNeeded: true }, test = ONLINE }: Answers = {}) {
  const answer = <T,>(value: T | Error) => (value instanceof Error ? Promise.reject(value) : Promise.resolve(value));
  const calls = { read: vi.fn(), save: vi.fn<(input: IlsFormCall) => void>(), test: vi.fn<(input: IlsFormCall) => void>() };
  const actor = createActor(
    ilsPageMachine.provide({
      actors: {
        readIlsSettings: fromPromise(async ({ input }: { input: { token: string } }) => (calls.read(input), answer(read))),
        saveIlsSettings: fromPromise(async ({ input }: { input: IlsFormCall }) => (calls.save(input), answer(save))),
        testIlsConnection: fromPromise(async ({ input }: { input: IlsFormCall }) => (calls.test(input), answer(test))),
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
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.input(Object.assign(field(label), { value }));
const press = async (name: string) => {
  await act(() => screen.getByRole('button', { name }).click());
  await settle();
};

afterEach(cleanup);

describe('the Library system page', () => {
  it('shows what the hub runs with, the form filled with what it starts with, and the password only as set', async () => {
    const { calls } = startPage();
    await settle();
    expect(calls.read).toHaveBeenCalledWith({ token: TOKEN });
    const running = screen.getByTestId('ils-settings').textContent!;
    for (const shown of ['koha.example', '6001', 'selfcheck', 'MAIN', 'CPL', 'utf-8', 'CR', t('admin.ils.passwordSet'), t('admin.ils.timeoutMs', { ms: 5000 })]) {
      expect(running).toContain(shown);
    }
    expect(field(t('admin.ils.host')).value).toBe('koha.example');
    expect(field(t('admin.ils.port')).value).toBe('6001');
    expect(field(t('admin.ils.tls')).checked).toBe(true);
    expect(field(t('admin.ils.newPassword')).value).toBe('');
    expect(screen.queryByTestId('ils-restart')).toBeNull();
  });

  it('tests the typed settings before they are saved, and says what the 98 reply allows', async () => {
    const { calls } = startPage();
    await settle();
    type(t('admin.ils.host'), '10.0.0.9');
    type(t('admin.ils.newPassword'), 'new secret');
    await press(t('admin.ils.test'));
    expect(calls.test).toHaveBeenCalledWith({
      token: TOKEN,
      settings: { ils: 'sip2', sip2: { ...KOHA_FIELDS, host: '10.0.0.9' }, password: { action: 'replace', value: 'new secret' } },
    });
    expect(calls.save).not.toHaveBeenCalled();
    const result = screen.getByTestId('ils-test').textContent!;
    expect(result).toContain(t('admin.ils.test.online'));
    expect(result).toContain('Centerville');
    expect(result).toContain(`${t('admin.ils.allow.checkout')}: ${t('admin.ils.allowed')}`);
    expect(result).toContain(`${t('admin.ils.allow.renewal')}: ${t('admin.ils.notAllowed')}`);
  });

  it('says why a test failed, in our words with the hub’s account beside them', async () => {
    startPage({ test: { ok: false, reason: 'SIP2 login refused' } });
    await settle();
    await press(t('admin.ils.test'));
    expect(screen.getByRole('alert').textContent).toBe(`${t('admin.ils.test.failed')}SIP2 login refused`);
  });

  it('lists refused fields by label and why without asking the hub, then saves and says a restart is needed', async () => {
    const { calls } = startPage();
    await settle();
    type(t('admin.ils.port'), '0');
    type(t('admin.ils.user'), 'self|check');
    await press(t('admin.ils.save'));
    expect(calls.save).not.toHaveBeenCalled();
    expect(screen.getByText(t('code.ils.invalid'))).toBeTruthy();
    const problems = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(problems).toContain(t('admin.problem.tooSmall', { field: t('admin.ils.port'), limit: 1 }));
    expect(problems).toContain(t('admin.problem.sip2Characters', { field: t('admin.ils.user') }));
    expect(field(t('admin.ils.port')).getAttribute('aria-invalid')).toBe('true');

    type(t('admin.ils.port'), '6002');
    type(t('admin.ils.user'), 'selfcheck');
    fireEvent.click(screen.getByLabelText(t('admin.ils.clearPassword')));
    await press(t('admin.ils.save'));
    expect(calls.save).toHaveBeenCalledWith({ token: TOKEN, settings: { ils: 'sip2', sip2: { ...KOHA_FIELDS, port: 6002 }, password: { action: 'clear' } } });
    expect(screen.getByRole('status').textContent).toBe(t('admin.ils.saved'));
    expect(t('admin.ils.saved')).toContain('after the hub restarts');
    expect(screen.getByTestId('ils-restart').textContent).toBe(t('admin.ils.restartNeeded'));
    expect(screen.queryAllByRole('listitem').map((item) => item.textContent)).not.toContain(t('admin.problem.tooSmall', { field: t('admin.ils.port'), limit: 1 }));
  });

  it('shows the settings the environment sets read-only, with their variable, and sends them back as shown', async () => {
    const { calls } = startPage({ read: { ...SIP2, fromEnvironment: ['ils', 'host', 'password'] } });
    await settle();
    expect(screen.queryByLabelText(t('admin.ils.host'))).toBeNull();
    expect(screen.queryByLabelText(t('admin.ils.newPassword'))).toBeNull();
    expect(screen.getByTestId('ils-locked-host').textContent).toContain('koha.example');
    expect(screen.getByTestId('ils-locked-host').textContent).toContain(t('admin.ils.setByEnvironment', { variable: 'SIP2_HOST' }));
    expect(screen.getByTestId('ils-locked-password').textContent).toContain(t('admin.ils.passwordSet'));
    expect(screen.getByText(t('admin.ils.environmentNote'))).toBeTruthy();
    type(t('admin.ils.location'), 'BRANCH2');
    await press(t('admin.ils.save'));
    expect(calls.save).toHaveBeenCalledWith({ token: TOKEN, settings: { ils: 'sip2', sip2: { ...KOHA_FIELDS, location: 'BRANCH2' }, password: { action: 'keep' } } });
  });

  it('lists the fields the hub refused', async () => {
    startPage({ save: new HubError('ils.invalid', { problems: [{ field: 'sip2.host', reason: 'setByEnvironment' }] }) });
    await settle();
    await press(t('admin.ils.save'));
    expect(screen.getByText(t('admin.problem.setByEnvironment', { field: t('admin.ils.host') }))).toBeTruthy();
    expect(screen.getByText(t('code.ils.invalid'))).toBeTruthy();
  });

  it('with the embedded ILS chosen says there is nothing to connect to, and tests nothing', async () => {
    const embedded: IlsSettingsView = { ...SIP2, ils: 'embedded', sip2: null, next: { ils: 'embedded', sip2: { ...KOHA, host: '' } } };
    const { actor, calls } = startPage({ read: embedded });
    await settle();
    expect(screen.getByText(t('admin.ils.embedded'))).toBeTruthy();
    await press(t('admin.ils.test'));
    expect(calls.test).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe(t('admin.ils.embedded'));
    const input: IlsSettingsInput = { ils: 'embedded', sip2: { ...KOHA_FIELDS, host: '' }, password: { action: 'keep' } };
    actor.send({ type: 'test.requested', input });
    await settle();
    expect(calls.test).not.toHaveBeenCalled();
  });

  it('ends when the sign-in has expired, so the shell asks for it again', async () => {
    const { actor } = startPage({ read: new HubError('staff.signInRequired') });
    await settle();
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('ends when the sign-in expired during a save', async () => {
    const { actor } = startPage({ save: new HubError('staff.signInRequired') });
    await settle();
    await press(t('admin.ils.save'));
    expect(actor.getSnapshot().status).toBe('done');
  });
});
