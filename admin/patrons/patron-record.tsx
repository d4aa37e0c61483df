/** One patron: the card's facts, blocks and lock, loans and holds, and the changes staff may make (patron-actions.tsx). */
import type { BlockReason } from '../../shared/circulation/codes';
import type { PatronDetail } from '../../shared/patrons/schemas';
import { formatTime } from '../shell/format-time';
import { useLanguage, useT } from '../shell/i18n-context';
import { PatronActions } from './patron-actions';
import type { PatronAction } from './patrons-page-machine';
import type { Send } from './patrons-page';

const BLOCK_LABEL: Record<BlockReason, `admin.patrons.block.${BlockReason}`> = {
  cardExpired: 'admin.patrons.block.cardExpired',
  cardLost: 'admin.patrons.block.cardLost',
  overdue: 'admin.patrons.block.overdue',
  fines: 'admin.patrons.block.fines',
  manual: 'admin.patrons.block.manual',
};

interface PatronRecordProps {
  patron: PatronDetail;
  /** The change waiting for a confirmation. */
  pending: PatronAction | null;
  busy: boolean;
  generatedPin: string | null;
  changes: number;
  send: Send;
}

export function PatronRecord({ patron, pending, busy, generatedPin, changes, send }: PatronRecordProps) {
  const t = useT();
  const language = useLanguage();
  const { lock } = patron;
  return (
    <article class="patron-record" aria-labelledby="patron-name">
      <button type="button" class="button" onClick={() => send({ type: 'patron.closed' })}>
        {t('admin.patrons.back')}
      </button>
      <h2 id="patron-name" translate={false}>
        {patron.fullName} <span class="muted">{patron.cardNumber}</span>
      </h2>
      {generatedPin && (
        <div class="generated-pin" role="status">
          <p>{t('admin.patrons.pin.generated')}</p>
          <p class="pin" translate={false}>
            {generatedPin}
          </p>
          <button type="button" class="button primary" onClick={() => send({ type: 'generatedPin.dismissed' })}>
            {t('admin.patrons.pin.dismiss')}
          </button>
        </div>
      )}
      <dl class="patron-facts">
        <dt>{t('admin.patrons.cardNumber')}</dt>
        <dd translate={false}>{patron.cardNumber}</dd>
        <dt>{t('admin.patrons.name')}</dt>
        <dd translate={false}>{patron.fullName === patron.displayName ? patron.fullName : `${patron.fullName} / ${patron.displayName}`}</dd>
        {patron.category !== null && (
          <>
            <dt>{t('admin.patrons.category')}</dt>
            <dd translate={false}>{patron.category}</dd>
          </>
        )}
        <dt>{t('admin.patrons.expiresOn')}</dt>
        <dd>{patron.expiresOn}</dd>
        <dt>{t('admin.patrons.fines')}</dt>
        <dd>{t('admin.patrons.finesAmount', { amount: (patron.finesMinor / 100).toFixed(2) })}</dd>
        <dt>{t('admin.patrons.blocks')}</dt>
        <dd>
          {patron.blocks.length === 0 ? (
            <span class="badge ok">{t('admin.patrons.noBlocks')}</span>
          ) : (
            <ul class="patron-blocks">
              {patron.blocks.map((block) => (
                <li key={block}>
                  <span class="badge bad">{t(BLOCK_LABEL[block])}</span>
                  {block === 'manual' && patron.manualBlockReason && <span> {t('admin.patrons.block.manualReason', { reason: patron.manualBlockReason })}</span>}
                </li>
              ))}
            </ul>
          )}
          {patron.pinChangeRequired && <span class="badge note">{t('admin.patrons.pinMustChange')}</span>}
        </dd>
        <dt>{t('admin.patrons.lock')}</dt>
        <dd>
          {lock.locked ? (
            <span class="badge bad">{t('admin.patrons.lock.locked', { until: formatTime(lock.lockedUntil!, language), count: String(lock.failedCount) })}</span>
          ) : (
            <span>{t('admin.patrons.lock.none', { count: String(lock.failedCount) })}</span>
          )}
          {lock.dayLock && <p class="muted">{t('admin.patrons.lock.dayLock')}</p>}
        </dd>
      </dl>
      <section aria-labelledby="patron-loans-title">
        <h3 id="patron-loans-title">{t('admin.patrons.loans')}</h3>
        {patron.loans.length === 0 ? (
          <p class="muted">{t('admin.patrons.noLoans')}</p>
        ) : (
          <table class="record-table patrons-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.patrons.itemTitle')}</th>
                <th scope="col">{t('admin.patrons.barcode')}</th>
                <th scope="col">{t('admin.patrons.due')}</th>
              </tr>
            </thead>
            <tbody>
              {patron.loans.map((loan) => (
                <tr key={loan.barcode} class={loan.overdue ? 'overdue' : undefined}>
                  <th scope="row" translate={false}>
                    {loan.title}
                  </th>
                  <td translate={false}>{loan.barcode}</td>
                  <td>
                    {formatTime(loan.dueAt, language)} {loan.overdue && <span class="badge bad">{t('admin.patrons.overdue')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="patron-holds-title">
        <h3 id="patron-holds-title">{t('admin.patrons.holds')}</h3>
        {patron.holds.length === 0 ? (
          <p class="muted">{t('admin.patrons.noHolds')}</p>
        ) : (
          <table class="record-table patrons-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.patrons.itemTitle')}</th>
                <th scope="col">{t('admin.patrons.barcode')}</th>
                <th scope="col">{t('admin.patrons.placedAt')}</th>
                <th scope="col">{t('admin.patrons.holdState')}</th>
              </tr>
            </thead>
            <tbody>
              {patron.holds.map((hold) => (
                <tr key={hold.barcode}>
                  <th scope="row" translate={false}>
                    {hold.title}
                  </th>
                  <td translate={false}>{hold.barcode}</td>
                  <td>{formatTime(hold.placedAt, language)}</td>
                  <td>{t(hold.status === 'ready' ? 'admin.patrons.hold.ready' : 'admin.patrons.hold.waiting')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <PatronActions key={changes} patron={patron} pending={pending} busy={busy} send={send} />
    </article>
  );
}
