/** The Library system page: the ILS settings, read-only, and Test connection with the answer in words. It renders the page machine's snapshot and sends it events. */
import type { ComponentChildren } from 'preact';
import type { Actor } from 'xstate';
import type { IlsConnectionTest, IlsSettingsView } from '../../shared/api/ils-settings-schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { useSelector } from '../../shared/ui/use-selector';
import { useT } from '../shell/i18n-context';
import type { IlsPageMachine } from './ils-page-machine';
import './ils.css';

export type IlsPageActor = Actor<IlsPageMachine>;

export function IlsPage({ actor }: { actor: IlsPageActor }) {
  const t = useT();
  const { settings, test, error } = useSelector(actor, (snapshot) => snapshot.context);
  const testing = useSelector(actor, (snapshot) => snapshot.matches('testing'));
  return (
    <div class="ils-page">
      <h1>{t('admin.ils.title')}</h1>
      {error && (
        <p role="alert" class="notice refused">
          {t(error)}
        </p>
      )}
      {settings?.ils === 'embedded' && <p>{t('admin.ils.embedded')}</p>}
      {settings?.sip2 && (
        <>
          <p>{t('admin.ils.sip2')}</p>
          <p class="hint">{t('admin.ils.fromEnvironment')}</p>
          <Sip2Settings sip2={settings.sip2} />
          <button type="button" class="button primary" disabled={testing} onClick={() => actor.send({ type: 'test.requested' })}>
            {t('admin.ils.test')}
          </button>
          {testing ? <p role="status">{t('admin.ils.testing')}</p> : test && <TestResult test={test} />}
        </>
      )}
    </div>
  );
}

function Sip2Settings({ sip2 }: { sip2: NonNullable<IlsSettingsView['sip2']> }) {
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
    ['admin.ils.terminator', text(sip2.terminator.toUpperCase())],
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
