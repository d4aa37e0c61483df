/**
 * Staff sign-in. The rest of the admin panel (kiosk profiles, pairing, imports, statistics)
 * arrives with the admin-panel issue; until then a successful sign-in says so.
 */
import { useState } from 'preact/hooks';
import { HubClient, HubError } from '../../shared/api/hub-client';
import type { Language } from '../../shared/api/schemas';
import { translatorFor } from '../../shared/i18n';

const hub = new HubClient({ kioskToken: () => null });

export function SignInPage({ language }: { language: Language }) {
  const t = translatorFor(language);
  const [signedInAs, setSignedInAs] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      const result = await hub.staffLogin(String(form.get('username')), String(form.get('password')));
      setSignedInAs(result.username);
    } catch (failure) {
      setError(t(failure instanceof HubError ? `code.${failure.code}` : 'code.internal'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="admin-sign-in">
      <h1>{t('admin.title')}</h1>
      {signedInAs ? (
        <p role="status">{t('admin.signedIn', { username: signedInAs })}</p>
      ) : (
        <form onSubmit={submit}>
          <label>
            {t('admin.username')}
            <input name="username" autocomplete="username" required />
          </label>
          <label>
            {t('admin.password')}
            <input name="password" type="password" autocomplete="current-password" required />
          </label>
          {error && <p role="alert">{error}</p>}
          <button type="submit" disabled={busy}>
            {t('admin.signIn')}
          </button>
        </form>
      )}
    </main>
  );
}
