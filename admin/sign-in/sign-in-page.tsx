/** Staff sign-in form. The shell machine signs in; this only shows the form and why it is back. */
import type { StaffMessageKey } from '../../shared/i18n/staff';
import type { Credentials } from '../shell/admin-machine';
import { useT } from '../shell/i18n-context';

interface SignInPageProps {
  busy: boolean;
  notice: StaffMessageKey | null;
  onSubmit: (credentials: Credentials) => void;
}

export function SignInPage({ busy, notice, onSubmit }: SignInPageProps) {
  const t = useT();

  function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    onSubmit({ username: String(form.get('username')), password: String(form.get('password')) });
  }

  return (
    <main class="admin-sign-in">
      <h1>{t('admin.title')}</h1>
      <form onSubmit={submit}>
        <label>
          {t('admin.username')}
          <input name="username" autocomplete="username" required />
        </label>
        <label>
          {t('admin.password')}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        {notice && <p role={notice === 'admin.signedOut' ? 'status' : 'alert'}>{t(notice)}</p>}
        <button type="submit" class="button primary" disabled={busy}>
          {t(busy ? 'admin.signingIn' : 'admin.signIn')}
        </button>
      </form>
    </main>
  );
}
