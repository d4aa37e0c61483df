/** The changes to a card: unlock, reset the PIN, block or unblock, a new expiry date; and the confirmation some of them ask for. */
import type { ComponentChildren } from 'preact';
import type { PatronDetail } from '../../shared/patrons/schemas';
import { BLOCK_REASON_MAX_LENGTH } from '../../shared/patrons/schemas';
import { useT } from '../shell/i18n-context';
import { ConfirmDialog } from '../shell/page-shell';
import type { PatronAction } from './patrons-page-machine';
import type { Send } from './patrons-page';

interface PatronActionsProps {
  patron: PatronDetail;
  pending: PatronAction | null;
  busy: boolean;
  send: Send;
}

export function PatronActions({ patron, pending, busy, send }: PatronActionsProps) {
  const t = useT();
  const names = { name: patron.fullName, card: patron.cardNumber };
  const manuallyBlocked = patron.blocks.includes('manual');

  if (pending) {
    const question =
      pending.kind === 'pinReset'
        ? t('admin.patrons.pin.confirm', names)
        : pending.kind === 'block'
          ? t('admin.patrons.block.confirm', { ...names, reason: pending.reason })
          : t('admin.patrons.unblock.confirm', names);
    return (
      <ConfirmDialog
        id="patron-confirm-question"
        className="panel patron-confirm"
        question={question}
        yes={t('admin.patrons.confirm.yes')}
        no={t('admin.patrons.confirm.no')}
        onYes={() => send({ type: 'confirm.accepted' })}
        onNo={() => send({ type: 'confirm.cancelled' })}
      />
    );
  }

  return (
    <section class="patron-actions" aria-label={t('admin.patrons.actions')}>
      {(patron.lock.locked || patron.lock.failedCount > 0) && (
        <div class="panel">
          <h3>{t('admin.patrons.lock')}</h3>
          <button type="button" class="button primary" disabled={busy} onClick={() => send({ type: 'unlock.requested' })}>
            {t('admin.patrons.unlock')}
          </button>
        </div>
      )}
      <ActionForm title={t('admin.patrons.pin.title')} submit={t('admin.patrons.pin.submit')} field="pin" busy={busy} onSubmit={(pin) => send({ type: 'pinReset.requested', pin })}>
        <label>
          {t('admin.patrons.pin.label')}
          <input name="pin" type="text" inputMode="numeric" autocomplete="off" spellcheck={false} maxLength={6} aria-describedby="patron-pin-hint" />
        </label>
        <span id="patron-pin-hint" class="muted hint">
          {t('admin.patrons.pin.hint')}
        </span>
      </ActionForm>
      {manuallyBlocked ? (
        <div class="panel">
          <h3>{t('admin.patrons.block.title')}</h3>
          <button type="button" class="button" disabled={busy} onClick={() => send({ type: 'unblock.requested' })}>
            {t('admin.patrons.unblock')}
          </button>
        </div>
      ) : (
        <ActionForm title={t('admin.patrons.block.title')} submit={t('admin.patrons.block.submit')} field="reason" busy={busy} onSubmit={(reason) => send({ type: 'block.requested', reason })}>
          <label>
            {t('admin.patrons.block.reason')}
            <input name="reason" type="text" autocomplete="off" maxLength={BLOCK_REASON_MAX_LENGTH} />
          </label>
        </ActionForm>
      )}
      <ActionForm
        title={t('admin.patrons.expiry.title')}
        submit={t('admin.patrons.expiry.submit')}
        field="expiresOn"
        busy={busy}
        onSubmit={(expiresOn) => send({ type: 'expiry.requested', expiresOn })}
      >
        <label>
          {t('admin.patrons.expiry.label')}
          <input name="expiresOn" type="date" min="2000-01-01" max="2100-12-31" defaultValue={patron.expiresOn} />
        </label>
      </ActionForm>
    </section>
  );
}

interface ActionFormProps {
  title: string;
  submit: string;
  /** The name of the form's one field, whose value is sent. */
  field: string;
  busy: boolean;
  onSubmit: (value: string) => void;
  children: ComponentChildren;
}

/** One change to the card as a panel: its title, its field (children), and the button that asks for it. */
function ActionForm({ title, submit, field, busy, onSubmit, children }: ActionFormProps) {
  return (
    <form
      class="panel"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(String(new FormData(event.currentTarget).get(field) ?? ''));
      }}
    >
      <h3>{title}</h3>
      {children}
      <button type="submit" class="button" disabled={busy}>
        {submit}
      </button>
    </form>
  );
}
