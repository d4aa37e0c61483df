/**
 * The Library system page: what the hub runs with, the settings form (environment variables shown
 * read-only), Save and Test connection with the answer in words. It renders the page machine's
 * snapshot and sends it events.
 */
import type { ComponentChildren } from 'preact';
import type { Actor } from 'xstate';
import { SIP2_ENCODINGS } from '../../shared/sip2/encoding';
import {
  ILS_KINDS,
  ILS_SETTING_VARIABLES,
  SIP2_PORT,
  SIP2_TERMINATOR_NAMES,
  SIP2_TIMEOUT_MS,
  type IlsConnectionTest,
  type IlsSettingName,
  type IlsSettingsView,
  type Sip2View,
} from '../../shared/api/ils-settings-schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { useSelector } from '../../shared/ui/use-selector';
import { useT } from '../shell/i18n-context';
import { PageShell } from '../shell/page-shell';
import { FIELD_LABELS, ilsInputOf, problemText, settingOf } from './ils-form';
import type { IlsPageEvent, IlsPageMachine } from './ils-page-machine';
import './ils.css';

export type IlsPageActor = Actor<IlsPageMachine>;
type Send = (event: IlsPageEvent) => void;

export function IlsPage({ actor }: { actor: IlsPageActor }) {
  const t = useT();
  const context = useSelector(actor, (snapshot) => snapshot.context);
  const state = useSelector(actor, (snapshot) =>
    snapshot.matches('loading') ? 'loading' : snapshot.matches('failed') ? 'failed' : snapshot.matches({ ready: 'idle' }) ? 'idle' : snapshot.matches({ ready: 'testing' }) ? 'testing' : 'saving',
  );
  const send: Send = (event) => actor.send(event);
  const { settings } = context;
  return (
    <PageShell
      className="ils-page"
      tall
      title={t('admin.ils.title')}
      notice={context.notice}
      load={{ state: state === 'loading' || state === 'failed' ? state : 'ready', error: context.loadError, onReload: () => send({ type: 'list.reload' }) }}
    >
      {settings && state !== 'loading' && state !== 'failed' && (
        <>
          <section aria-labelledby="ils-running">
            <h2 id="ils-running">{t('admin.ils.running')}</h2>
            {settings.sip2 ? (
              <>
                <p>{t('admin.ils.sip2')}</p>
                <Sip2Settings sip2={settings.sip2} />
              </>
            ) : (
              <p>{t('admin.ils.embedded')}</p>
            )}
            {settings.restartNeeded && (
              <p class="notice pending" data-testid="ils-restart">
                {t('admin.ils.restartNeeded')}
              </p>
            )}
          </section>
          <SettingsForm key={context.saved} view={settings} problems={context.problems.map((problem) => ({ setting: settingOf(problem), text: problemText(problem, t) }))} busy={state !== 'idle'} send={send} />
          {state === 'testing' ? <p role="status">{t('admin.ils.testing')}</p> : context.test && <TestResult test={context.test} />}
        </>
      )}
    </PageShell>
  );
}

interface SettingsFormProps {
  view: IlsSettingsView;
  problems: Array<{ setting: IlsSettingName | null; text: string }>;
  busy: boolean;
  send: Send;
}

function SettingsForm({ view, problems, busy, send }: SettingsFormProps) {
  const t = useT();
  const next = view.next.sip2;
  const locked = new Set(view.fromEnvironment);
  const refused = new Set(problems.map((problem) => problem.setting));
  const formOf = (element: EventTarget | null) => new FormData((element as HTMLButtonElement | HTMLFormElement).closest('form')!);

  const plain = (value: string) => (value === '' ? t('admin.ils.none') : <span translate={false}>{value}</span>);
  const invalid = (name: IlsSettingName) => (refused.has(name) ? true : undefined);
  return (
    <form
      class="ils-form"
      aria-labelledby="ils-form-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send({ type: 'settings.save', input: ilsInputOf(formOf(event.currentTarget), view) });
      }}
    >
      <h2 id="ils-form-title">{t('admin.ils.form')}</h2>
      <p class="hint">{t('admin.ils.formHint')}</p>
      {locked.size > 0 && <p class="hint">{t('admin.ils.environmentNote')}</p>}
      {problems.length > 0 && (
        <div role="alert">
          <ul class="problems">
            {problems.map((problem) => (
              <li key={problem.text}>{problem.text}</li>
            ))}
          </ul>
        </div>
      )}
      <SettingField name="ils" locked={locked.has('ils')} shown={t(`admin.ils.kind.${view.next.ils}`)}>
        <select id="ils-ils" name="ils" aria-invalid={invalid('ils')}>
          {ILS_KINDS.map((kind) => (
            <option key={kind} value={kind} selected={kind === view.next.ils}>
              {t(`admin.ils.kind.${kind}`)}
            </option>
          ))}
        </select>
      </SettingField>
      <fieldset>
        <legend>SIP2</legend>
        <SettingField name="host" locked={locked.has('host')} shown={plain(next.host)}>
          <input id="ils-host" name="host" defaultValue={next.host} maxLength={253} autocomplete="off" spellcheck={false} aria-invalid={invalid('host')} />
        </SettingField>
        <SettingField name="port" locked={locked.has('port')} shown={String(next.port)}>
          <input id="ils-port" name="port" type="number" inputMode="numeric" min={SIP2_PORT.min} max={SIP2_PORT.max} defaultValue={String(next.port)} aria-invalid={invalid('port')} />
        </SettingField>
        <SettingField name="tls" locked={locked.has('tls')} shown={t(next.tls ? 'admin.ils.yes' : 'admin.ils.no')}>
          <input id="ils-tls" name="tls" type="checkbox" defaultChecked={next.tls} />
        </SettingField>
        <SettingField name="user" locked={locked.has('user')} shown={plain(next.user)}>
          <input id="ils-user" name="user" defaultValue={next.user} maxLength={64} autocomplete="off" spellcheck={false} aria-invalid={invalid('user')} />
        </SettingField>
        {locked.has('password') ? (
          <SettingField name="password" locked shown={t(next.passwordSet ? 'admin.ils.passwordSet' : 'admin.ils.passwordUnset')} />
        ) : (
          <>
            <div class="ils-field">
              <label for="ils-password" class="ils-label">
                {t('admin.ils.newPassword')}
              </label>
              <input id="ils-password" name="password" type="password" maxLength={128} autocomplete="new-password" aria-describedby="ils-password-now ils-password-hint" aria-invalid={invalid('password')} />
              <span id="ils-password-now" class="hint">
                {t('admin.ils.passwordNow', { state: t(next.passwordSet ? 'admin.ils.passwordSet' : 'admin.ils.passwordUnset') })}
              </span>
              <span id="ils-password-hint" class="hint">
                {t('admin.ils.newPasswordHint')}
              </span>
            </div>
            {next.passwordSet && (
              <label class="checkbox">
                <input name="clearPassword" type="checkbox" />
                {t('admin.ils.clearPassword')}
              </label>
            )}
          </>
        )}
        <SettingField name="location" locked={locked.has('location')} shown={plain(next.location)}>
          <input id="ils-location" name="location" defaultValue={next.location} maxLength={64} autocomplete="off" spellcheck={false} aria-invalid={invalid('location')} />
        </SettingField>
        <SettingField name="institution" locked={locked.has('institution')} shown={plain(next.institution)}>
          <input id="ils-institution" name="institution" defaultValue={next.institution} maxLength={64} autocomplete="off" spellcheck={false} aria-invalid={invalid('institution')} />
        </SettingField>
        <SettingField name="encoding" locked={locked.has('encoding')} shown={plain(next.encoding)}>
          <select id="ils-encoding" name="encoding" aria-invalid={invalid('encoding')}>
            {SIP2_ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding} selected={encoding === next.encoding} translate={false}>
                {encoding}
              </option>
            ))}
          </select>
        </SettingField>
        <SettingField name="terminator" locked={locked.has('terminator')} shown={TERMINATOR_NAMES[next.terminator]}>
          <select id="ils-terminator" name="terminator" aria-invalid={invalid('terminator')}>
            {SIP2_TERMINATOR_NAMES.map((terminator) => (
              <option key={terminator} value={terminator} selected={terminator === next.terminator} translate={false}>
                {TERMINATOR_NAMES[terminator]}
              </option>
            ))}
          </select>
        </SettingField>
        <SettingField name="timeoutMs" locked={locked.has('timeoutMs')} shown={t('admin.ils.timeoutMs', { ms: next.timeoutMs })}>
          <input id="ils-timeoutMs" name="timeoutMs" type="number" inputMode="numeric" min={SIP2_TIMEOUT_MS.min} max={SIP2_TIMEOUT_MS.max} step={100} defaultValue={String(next.timeoutMs)} aria-invalid={invalid('timeoutMs')} />
        </SettingField>
      </fieldset>
      <div class="row-actions">
        <button type="submit" class="button primary" disabled={busy}>
          {t('admin.ils.save')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={(event) => send({ type: 'test.requested', input: ilsInputOf(formOf(event.currentTarget), view) })}>
          {t('admin.ils.test')}
        </button>
      </div>
    </form>
  );
}

const TERMINATOR_NAMES = { cr: 'CR', crlf: 'CR LF' } as const;

interface SettingFieldProps {
  name: IlsSettingName;
  /** Its environment variable sets it: the value read-only, and why. */
  locked: boolean;
  shown: ComponentChildren;
  children?: ComponentChildren;
}

/** One setting of the form: its input under its label, or the environment's value read-only. */
function SettingField({ name, locked, shown, children }: SettingFieldProps) {
  const t = useT();
  if (!locked) {
    return (
      <div class="ils-field">
        {/* Not wrapped: a select's chosen option would join its name. */}
        <label for={`ils-${name}`} class="ils-label">
          {t(FIELD_LABELS[name])}
        </label>
        {children}
      </div>
    );
  }
  const hintId = `ils-${name}-hint`;
  return (
    <div class="ils-field locked" data-testid={`ils-locked-${name}`}>
      <span class="ils-label">{t(FIELD_LABELS[name])}</span>
      <span class="ils-locked" aria-describedby={hintId}>
        {shown}
      </span>
      <span id={hintId} class="hint">
        {t('admin.ils.setByEnvironment', { variable: ILS_SETTING_VARIABLES[name] })}
      </span>
    </div>
  );
}

function Sip2Settings({ sip2 }: { sip2: Sip2View }) {
  const t = useT();
  const text = (value: string) => (value === '' ? t('admin.ils.none') : <span translate={false}>{value}</span>);
  const rows: Array<[StaffMessageKey, ComponentChildren]> = [
    ['admin.ils.host', text(sip2.host)],
    ['admin.ils.port', String(sip2.port)],
    ['admin.ils.tls', t(sip2.tls ? 'admin.ils.yes' : 'admin.ils.no')],
    ['admin.ils.user', text(sip2.user)],
    ['admin.ils.password', t(sip2.passwordSet ? 'admin.ils.passwordSet' : 'admin.ils.passwordUnset')],
    ['admin.ils.location', text(sip2.location)],
    ['admin.ils.institution', text(sip2.institution)],
    ['admin.ils.encoding', text(sip2.encoding)],
    ['admin.ils.terminator', text(TERMINATOR_NAMES[sip2.terminator])],
    ['admin.ils.timeout', t('admin.ils.timeoutMs', { ms: sip2.timeoutMs })],
  ];
  return (
    <dl class="ils-settings" data-testid="ils-settings">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const ALLOWS = [
  ['checkout', 'admin.ils.allow.checkout'],
  ['checkin', 'admin.ils.allow.checkin'],
  ['renewal', 'admin.ils.allow.renewal'],
  ['offline', 'admin.ils.allow.offline'],
] as const;

function TestResult({ test }: { test: IlsConnectionTest }) {
  const t = useT();
  if (!test.ok) {
    return (
      <div role="alert" class="notice refused" data-testid="ils-test">
        <p>{t('admin.ils.test.failed')}</p>
        <p translate={false}>{test.reason}</p>
      </div>
    );
  }
  return (
    <div role="status" class="notice" data-testid="ils-test">
      <p>{t(test.online ? 'admin.ils.test.online' : 'admin.ils.test.offline')}</p>
      {test.libraryName && (
        <p>
          {t('admin.ils.test.libraryName')} <span translate={false}>{test.libraryName}</span>
        </p>
      )}
      <p>{t('admin.ils.test.allows')}</p>
      <ul>
        {ALLOWS.map(([key, label]) => (
          <li key={key}>
            {t(label)}: {t(test.allows[key] ? 'admin.ils.allowed' : 'admin.ils.notAllowed')}
          </li>
        ))}
      </ul>
    </div>
  );
}
