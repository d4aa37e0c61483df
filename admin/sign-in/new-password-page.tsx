/** "Choose a new password" after an admin set it: two fields and the rule. The shell machine checks and saves. */
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { useT } from '../shell/i18n-context';

interface NewPasswordPageProps {
  busy: boolean;
  notice: StaffMessageKey | null;
  onSubmit: (passwords: { newPassword: string; repeated: string }) => void;
  onSignOut: () => void;
}

export function NewPasswordPage({ busy, notice, onSubmit, onSignOut }: NewPasswordPageProps) {
  const t = useT();

  function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    onSubmit({ newPassword: String(form.get('newPassword')), repeated: String(form.get('repeated')) });
  }

  return (
    <main class="admin-sign-in">
      <h1>{t('admin.password.title')}</h1>
      <p>{t('admin.password.why')}</p>
      <form onSubmit={submit}>
        <label>
          {t('admin.password.new')}
          <input name="newPassword" type="password" autocomplete="new-password" aria-describedby="password-rule" required />
        </label>
        <p id="password-rule" class="muted">
          {t('admin.password.rule')}
        </p>
        <label>
          {t('admin.password.repeat')}
          <input name="repeated" type="password" autocomplete="new-password" required />
        </label>
        {notice && <p role="alert">{t(notice)}</p>}
        <button type="submit" class="button primary" disabled={busy}>
          {t(busy ? 'admin.password.saving' : 'admin.password.save')}
        </button>
        <button type="button" class="button" onClick={onSignOut}>
          {t('admin.signOut')}
        </button>
      </form>
    </main>
  );
}
