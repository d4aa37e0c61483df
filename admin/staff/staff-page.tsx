/** The Staff page: accounts, a new account, disable / enable and reset password. It renders the page machine's snapshot and sends it events. */
import type { Actor } from 'xstate';
import { STAFF_ROLES, type StaffAccount, type StaffRole } from '../../shared/api/staff-schemas';
import { useSelector } from '../../shared/ui/use-selector';
import { formatTime } from '../shell/format-time';
import { useLanguage, useT } from '../shell/i18n-context';
import { loadStateOf } from '../shell/page-machine';
import { PageShell } from '../shell/page-shell';
import type { StaffPageEvent, StaffPageMachine } from './staff-page-machine';
import './staff.css';

export type StaffPageActor = Actor<StaffPageMachine>;
type Send = (event: StaffPageEvent) => void;

export function StaffPage({ actor }: { actor: StaffPageActor }) {
  const t = useT();
  const context = useSelector(actor, (snapshot) => snapshot.context);
  const load = useSelector(actor, loadStateOf);
  const busy = useSelector(actor, (snapshot) => snapshot.matches('ready') && !snapshot.matches({ ready: 'idle' }));
  const send: Send = (event) => actor.send(event);

  return (
    <PageShell
      className="staff-page"
      tall
      title={t('admin.staff.title')}
      notice={context.notice}
      load={{ state: load, error: context.loadError, onReload: () => send({ type: 'list.reload' }) }}
    >
      {load === 'ready' && (
        <table class="record-table staff-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.username')}</th>
              <th scope="col">{t('admin.staff.role')}</th>
              <th scope="col">{t('admin.staff.state')}</th>
              <th scope="col">{t('admin.staff.lastSignIn')}</th>
              <th scope="col">{t('admin.staff.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {context.accounts.map((account) => (
              <AccountRow key={account.id} account={account} self={account.username === context.username} resetting={context.resetting === account.id} busy={busy} send={send} />
            ))}
          </tbody>
        </table>
      )}
      <NewAccountForm key={context.created} busy={busy} send={send} />
    </PageShell>
  );
}

const ROLE_LABEL = { admin: 'admin.role.admin', librarian: 'admin.role.librarian' } as const;

interface AccountRowProps {
  account: StaffAccount;
  self: boolean;
  resetting: boolean;
  busy: boolean;
  send: Send;
}

function AccountRow({ account, self, resetting, busy, send }: AccountRowProps) {
  const t = useT();
  const language = useLanguage();
  const username = account.username;

  function submitReset(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    send({ type: 'account.resetRequested', staffId: account.id, password: String(form.get('password')) });
  }

  return (
    <tr class={account.disabled ? 'disabled' : undefined}>
      <th scope="row" translate={false}>
        {username} {self && <span class="muted">{t('admin.staff.you')}</span>}
      </th>
      <td>{t(ROLE_LABEL[account.role])}</td>
      <td>
        <span class={account.disabled ? 'badge bad' : 'badge ok'}>{t(account.disabled ? 'admin.staff.disabled' : 'admin.staff.active')}</span>
        {account.passwordChangeRequired && <span class="badge note">{t('admin.staff.mustChange')}</span>}
      </td>
      <td>{account.lastSignInAt ? formatTime(account.lastSignInAt, language) : <span class="muted">{t('admin.staff.never')}</span>}</td>
      <td>
        <div class="row-actions">
        {!self && !resetting && (
          <>
            <button
              type="button"
              class="button"
              disabled={busy}
              aria-label={t(account.disabled ? 'admin.staff.enableNamed' : 'admin.staff.disableNamed', { username })}
              onClick={() => send({ type: 'account.disableChosen', staffId: account.id, disabled: !account.disabled })}
            >
              {t(account.disabled ? 'admin.staff.enable' : 'admin.staff.disable')}
            </button>
            <button
              type="button"
              class="button"
              disabled={busy}
              aria-label={t('admin.staff.resetNamed', { username })}
              onClick={() => send({ type: 'account.resetOpened', staffId: account.id })}
            >
              {t('admin.staff.reset')}
            </button>
          </>
        )}
        {resetting && (
          <form class="reset-form" onSubmit={submitReset}>
            <label>
              {t('admin.staff.resetFor', { username })}
              <input name="password" type="text" autocomplete="off" spellcheck={false} required />
            </label>
            <button type="submit" class="button primary" disabled={busy}>
              {t('admin.staff.resetConfirm')}
            </button>
            <button type="button" class="button" onClick={() => send({ type: 'account.resetCancelled' })}>
              {t('admin.staff.cancel')}
            </button>
          </form>
        )}
        </div>
      </td>
    </tr>
  );
}

function NewAccountForm({ busy, send }: { busy: boolean; send: Send }) {
  const t = useT();

  function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    send({
      type: 'account.createRequested',
      account: { username: String(form.get('username')), role: String(form.get('role')) as StaffRole, password: String(form.get('password')) },
    });
  }

  return (
    <section class="panel new-account" aria-labelledby="new-account-title">
      <h2 id="new-account-title">{t('admin.staff.new.title')}</h2>
      <form onSubmit={submit}>
        <label>
          {t('admin.username')}
          <input name="username" autocomplete="off" spellcheck={false} maxLength={64} aria-describedby="username-hint" required />
          <span id="username-hint" class="muted hint">
            {t('admin.staff.usernameHint')}
          </span>
        </label>
        <label>
          {t('admin.staff.role')}
          {/* Librarian unless chosen otherwise: the account that may do less. */}
          <select name="role">
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role} selected={role === 'librarian'}>
                {t(ROLE_LABEL[role])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.staff.new.password')}
          <input name="password" type="text" autocomplete="off" spellcheck={false} aria-describedby="initial-password-hint" required />
          <span id="initial-password-hint" class="muted hint">
            {t('admin.password.rule')} {t('admin.staff.new.hint')}
          </span>
        </label>
        <button type="submit" class="button primary" disabled={busy}>
          {t('admin.staff.create')}
        </button>
      </form>
    </section>
  );
}
