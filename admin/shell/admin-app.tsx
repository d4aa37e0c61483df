/**
 * The panel: the sign-in form until staff are signed in (and the new-password form when an
 * admin set their password), then the shell around the current page. The nav shows only the
 * pages the staff member's role may open.
 */
import type { ComponentChildren } from 'preact';
import type { Actor } from 'xstate';
import { useSelector } from '../../shared/ui/use-selector';
import { AnnualReportPage, type AnnualReportActor } from '../annual-report/annual-report-page';
import { AuditPage, type AuditPageActor } from '../audit/audit-page';
import { EbooksPage, type EbooksPageActor } from '../ebooks/ebooks-page';
import { IlsPage, type IlsPageActor } from '../ils/ils-page';
import { KiosksPage, type KiosksPageActor } from '../kiosks/kiosks-page';
import { OfflinePage, type OfflinePageActor } from '../offline/offline-page';
import { ProfilesPage, type ProfilesPageActor } from '../profiles/profiles-page';
import { ImportPage, type ImportPageActor } from '../import/import-page';
import { LabelsPage, type LabelsPageActor } from '../labels/labels-page';
import { PatronsPage, type PatronsPageActor } from '../patrons/patrons-page';
import { NewPasswordPage } from '../sign-in/new-password-page';
import { SignInPage } from '../sign-in/sign-in-page';
import { StaffPage, type StaffPageActor } from '../staff/staff-page';
import { StatisticsPage, type StatisticsPageActor } from '../statistics/statistics-page';
import { ADMIN_PAGES, PAGES_FOR, type AdminMachine, type AdminPage } from './admin-machine';
import { useT } from './i18n-context';

export type AdminActor = Actor<AdminMachine>;

export function AdminApp({ actor }: { actor: AdminActor }) {
  const state = useSelector(actor, (snapshot) =>
    snapshot.matches('restoring')
      ? 'restoring'
      : snapshot.matches('choosingPassword') || snapshot.matches('savingPassword')
        ? 'password'
        : snapshot.matches('signedIn')
          ? 'signedIn'
          : 'signIn',
  );
  const busy = useSelector(actor, (snapshot) => snapshot.matches('signingIn') || snapshot.matches('savingPassword'));
  const notice = useSelector(actor, (snapshot) => snapshot.context.notice);
  const username = useSelector(actor, (snapshot) => snapshot.context.username);
  const role = useSelector(actor, (snapshot) => snapshot.context.role);
  const children = useSelector(actor, (snapshot) => snapshot.children);
  const current = useSelector(actor, (snapshot): AdminPage => ADMIN_PAGES.find((page) => snapshot.matches({ signedIn: page })) ?? 'ebooks');

  if (state === 'restoring') return null;
  if (state === 'signIn' || username === null || role === null) {
    return <SignInPage busy={busy} notice={notice} onSubmit={(credentials) => actor.send({ type: 'signIn.submitted', ...credentials })} />;
  }
  if (state === 'password') {
    return (
      <NewPasswordPage
        busy={busy}
        notice={notice}
        onSubmit={(passwords) => actor.send({ type: 'password.submitted', ...passwords })}
        onSignOut={() => actor.send({ type: 'signOut' })}
      />
    );
  }
  const ebooks = children.ebooks as EbooksPageActor | undefined;
  const staff = children.staff as StaffPageActor | undefined;
  const audit = children.audit as AuditPageActor | undefined;
  const ils = children.ils as IlsPageActor | undefined;
  const kiosks = children.kiosks as KiosksPageActor | undefined;
  const offline = children.offline as OfflinePageActor | undefined;
  const profiles = children.profiles as ProfilesPageActor | undefined;
  const patrons = children.patrons as PatronsPageActor | undefined;
  const statistics = children.statistics as StatisticsPageActor | undefined;
  const annualReport = children.annualReport as AnnualReportActor | undefined;
  const importPage = children.import as ImportPageActor | undefined;
  const labels = children.labels as LabelsPageActor | undefined;
  return (
    <AdminShell username={username} pages={PAGES_FOR[role]} current={current} onNav={(page) => actor.send({ type: 'nav.chosen', page })} onSignOut={() => actor.send({ type: 'signOut' })}>
      {ebooks && <EbooksPage actor={ebooks} />}
      {staff && <StaffPage actor={staff} />}
      {audit && <AuditPage actor={audit} />}
      {ils && <IlsPage actor={ils} />}
      {kiosks && <KiosksPage actor={kiosks} />}
      {offline && <OfflinePage actor={offline} />}
      {profiles && <ProfilesPage actor={profiles} />}
      {patrons && <PatronsPage actor={patrons} />}
      {statistics && <StatisticsPage actor={statistics} />}
      {annualReport && <AnnualReportPage actor={annualReport} />}
      {importPage && <ImportPage actor={importPage} />}
      {labels && <LabelsPage actor={labels} key={labels.id} />}
    </AdminShell>
  );
}

interface AdminShellProps {
  username: string;
  pages: readonly AdminPage[];
  current: AdminPage;
  onNav: (page: AdminPage) => void;
  onSignOut: () => void;
  children: ComponentChildren;
}

const NAV_LABEL = {
  ebooks: 'admin.nav.ebooks',
  patrons: 'admin.nav.patrons',
  import: 'admin.nav.import',
  labels: 'admin.nav.labels',
  statistics: 'admin.nav.statistics',
  annualReport: 'admin.nav.annualReport',
  offline: 'admin.nav.offline',
  staff: 'admin.nav.staff',
  audit: 'admin.nav.audit',
  ils: 'admin.nav.ils',
  kiosks: 'admin.nav.kiosks',
  profiles: 'admin.nav.profiles',
} as const;

function AdminShell({ username, pages, current, onNav, onSignOut, children }: AdminShellProps) {
  const t = useT();
  return (
    <div class="admin-shell">
      <header class="admin-header">
        <span class="admin-brand">{t('admin.title')}</span>
        <nav aria-label={t('admin.nav.label')}>
          {pages.map((page) => (
            <a
              key={page}
              class="nav-link"
              href="#page"
              aria-current={page === current ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                onNav(page);
              }}
            >
              {t(NAV_LABEL[page])}
            </a>
          ))}
        </nav>
        <span class="admin-user">
          {t('admin.signedInAs')} <strong translate={false}>{username}</strong>
        </span>
        <button type="button" class="button" onClick={onSignOut}>
          {t('admin.signOut')}
        </button>
      </header>
      <main id="page" class="admin-page">
        {children}
      </main>
    </div>
  );
}
