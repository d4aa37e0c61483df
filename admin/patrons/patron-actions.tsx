/** The changes to a card: unlock, reset the PIN, block or unblock, a new expiry date; and the confirmation some of them ask for. */
import type { PatronDetail } from '../../shared/patrons/schemas';
import { BLOCK_REASON_MAX_LENGTH } from '../../shared/patrons/schemas';
import { useT } from '../shell/i18n-context';
import type { PatronAction } from './patrons-page-machine';
import type { Send } from './patrons-page';

interface PatronActionsProps {
  patron: PatronDetail;
  pending: PatronAction | null;
  busy: boolean;
  send: Send;
}

const field = (event: Event, name: string) => String(new FormData(event.currentTarget as HTMLFormElement).get(name) ?? '');

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
      <section class="panel patron-confirm" role="alertdialog" aria-labelledby="patron-confirm-question">
        <p id="patron-confirm-question">{question}</p>
        <div class="row-actions">
          <button type="button" class="button primary" onClick={() => send({ type: 'confirm.accepted' })}>
            {t('admin.patrons.confirm.yes')}
          </button>
          <button type="button" class="button" onClick={() => send({ type: 'confirm.cancelled' })}>
            {t('admin.patrons.confirm.no')}
          </button>
        </div>
      </section>
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
      <form
        class="panel"
        onSubmit={(event) => {
          event.preventDefault();
          send({ type: 'pinReset.requested', pin: field(event, 'pin') });
        }}
      >
        <h3>{t('admin.patrons.pin.title')}</h3>
        <label>
          {t('admin.patrons.pin.label')}
          <input name="pin" type="text" inputMode="numeric" autocomplete="off" spellcheck={false} maxLength={6} aria-describedby="patron-pin-hint" />
        </label>
        <span id="patron-pin-hint" class="muted hint">
          {t('admin.patrons.pin.hint')}
        </span>
        <button type="submit" class="button" disabled={busy}>
          {t('admin.patrons.pin.submit')}
        </button>
      </form>
      {manuallyBlocked ? (
        <div class="panel">
          <h3>{t('admin.patrons.block.title')}</h3>
          <button type="button" class="button" disabled={busy} onClick={() => send({ type: 'unblock.requested' })}>
            {t('admin.patrons.unblock')}
          </button>
        </div>
      ) : (
        <form
          class="panel"
          onSubmit={(event) => {
            event.preventDefault();
            send({ type: 'block.requested', reason: field(event, 'reason') });
          }}
        >
          <h3>{t('admin.patrons.block.title')}</h3>
          <label>
            {t('admin.patrons.block.reason')}
            <input name="reason" type="text" autocomplete="off" maxLength={BLOCK_REASON_MAX_LENGTH} />
          </label>
          <button type="submit" class="button" disabled={busy}>
            {t('admin.patrons.block.submit')}
          </button>
        </form>
      )}
      <form
        class="panel"
        onSubmit={(event) => {
          event.preventDefault();
          send({ type: 'expiry.requested', expiresOn: field(event, 'expiresOn') });
        }}
      >
        <h3>{t('admin.patrons.expiry.title')}</h3>
        <label>
          {t('admin.patrons.expiry.label')}
          <input name="expiresOn" type="date" min="2000-01-01" max="2100-12-31" defaultValue={patron.expiresOn} />
        </label>
        <button type="submit" class="button" disabled={busy}>
          {t('admin.patrons.expiry.submit')}
        </button>
      </form>
    </section>
  );
}
