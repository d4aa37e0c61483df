/** The panel: the sign-in form until staff are signed in, then the shell around the current page. */
import type { ComponentChildren } from 'preact';
import type { Actor } from 'xstate';
import { useSelector } from '../../shared/ui/use-selector';
import { EbooksPage, type EbooksPageActor } from '../ebooks/ebooks-page';
import { SignInPage } from '../sign-in/sign-in-page';
import type { AdminMachine } from './admin-machine';
import { useT } from './i18n-context';

export type AdminActor = Actor<AdminMachine>;

export function AdminApp({ actor }: { actor: AdminActor }) {
  const signingIn = useSelector(actor, (snapshot) => snapshot.matches('signingIn'));
  const notice = useSelector(actor, (snapshot) => snapshot.context.notice);
  const username = useSelector(actor, (snapshot) => snapshot.context.username);
  const ebooksPage = useSelector(actor, (snapshot) => (snapshot.children.ebooks as EbooksPageActor | undefined) ?? null);

  if (username === null) {
    return <SignInPage busy={signingIn} notice={notice} onSubmit={(credentials) => actor.send({ type: 'signIn.submitted', ...credentials })} />;
  }
  return (
    <AdminShell username={username} onSignOut={() => actor.send({ type: 'signOut' })}>
      {ebooksPage && <EbooksPage actor={ebooksPage} />}
    </AdminShell>
  );
}

interface AdminShellProps {
  username: string;
  onSignOut: () => void;
  children: ComponentChildren;
}

function AdminShell({ username, onSignOut, children }: AdminShellProps) {
  const t = useT();
  return (
    <div class="admin-shell">
      <header class="admin-header">
        <span class="admin-brand">{t('admin.title')}</span>
        <nav aria-label={t('admin.nav.label')}>
          <a class="nav-link" href="#page" aria-current="page">
            {t('admin.nav.ebooks')}
          </a>
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
