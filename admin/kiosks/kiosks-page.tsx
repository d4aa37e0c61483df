/** The Kiosks page: every kiosk live, Add kiosk with its pairing code, edit, a new code, revoke. It renders the page machine's snapshot and sends it events. */
import type { Actor } from 'xstate';
import type { FleetKiosk, IssuedPairingCode, Profile } from '../../shared/api/fleet-schemas';
import type { Language } from '../../shared/api/schemas';
import type { StaffTranslate } from '../../shared/i18n/staff';
import { useSelector } from '../../shared/ui/use-selector';
import { formatTime } from '../shell/format-time';
import { useLanguage, useT } from '../shell/i18n-context';
import { loadStateOf } from '../shell/page-machine';
import { ConfirmDialog, PageShell } from '../shell/page-shell';
import type { KiosksPageEvent, KiosksPageMachine } from './kiosks-page-machine';
import './kiosks.css';

export type KiosksPageActor = Actor<KiosksPageMachine>;
type Send = (event: KiosksPageEvent) => void;

export function KiosksPage({ actor }: { actor: KiosksPageActor }) {
  const t = useT();
  const context = useSelector(actor, (snapshot) => snapshot.context);
  const load = useSelector(actor, loadStateOf);
  // Asking the hub again every few seconds is not busy: staff can go on.
  const busy = useSelector(actor, (snapshot) => snapshot.matches('ready') && !snapshot.matches({ ready: 'idle' }) && !snapshot.matches({ ready: 'refreshing' }));
  const send: Send = (event) => actor.send(event);
  const view = context.view;

  return (
    <PageShell
      className="kiosks-page"
      tall
      title={t('admin.kiosks.title')}
      notice={context.notice}
      load={{ state: load, error: context.loadError, onReload: () => send({ type: 'list.reload' }) }}
    >
      {context.issued && <PairingCodePanel issued={context.issued} send={send} />}
      {view && (
        <>
          <AddKioskForm key={context.added} profiles={view.profiles} busy={busy} send={send} />
          {view.fleet.kiosks.length === 0 ? (
            <p class="muted">{t('admin.kiosks.empty')}</p>
          ) : (
            <table class="record-table kiosks-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.kiosks.name')}</th>
                  <th scope="col">{t('admin.kiosks.status')}</th>
                  <th scope="col">{t('admin.kiosks.profile')}</th>
                  <th scope="col">{t('admin.kiosks.version')}</th>
                  <th scope="col">{t('admin.kiosks.screen')}</th>
                  <th scope="col">{t('admin.kiosks.camera')}</th>
                  <th scope="col">{t('admin.kiosks.errors')}</th>
                  <th scope="col">{t('admin.kiosks.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {view.fleet.kiosks.map((kiosk) => (
                  <KioskRow
                    key={kiosk.id}
                    kiosk={kiosk}
                    profiles={view.profiles}
                    editing={context.editing === kiosk.id}
                    revoking={context.revoking === kiosk.id}
                    busy={busy}
                    send={send}
                  />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </PageShell>
  );
}

function PairingCodePanel({ issued, send }: { issued: IssuedPairingCode & { name: string }; send: Send }) {
  const t = useT();
  const language = useLanguage();
  return (
    <section class="panel pairing-code-panel" aria-labelledby="pairing-code-title">
      <h2 id="pairing-code-title">{t('admin.kiosks.code.title', { name: issued.name })}</h2>
      <p class="pairing-code" data-testid="pairing-code" translate={false}>
        {issued.code}
      </p>
      <p>{t('admin.kiosks.code.hint', { time: formatTime(issued.expiresAt, language) })}</p>
      <button type="button" class="button" onClick={() => send({ type: 'code.dismissed' })}>
        {t('admin.kiosks.code.dismiss')}
      </button>
    </section>
  );
}

function statusText(kiosk: FleetKiosk, t: StaffTranslate, language: Language): { text: string; tone: 'ok' | 'bad' | 'note' } {
  if (kiosk.revoked) return { text: t('admin.kiosks.revoked'), tone: 'bad' };
  if (kiosk.online) return { text: t('admin.kiosks.online'), tone: 'ok' };
  if (!kiosk.paired && kiosk.pairingCodeExpiresAt) return { text: t('admin.kiosks.waitingPairing', { time: formatTime(kiosk.pairingCodeExpiresAt, language) }), tone: 'note' };
  if (kiosk.lastHeartbeatAt) return { text: t('admin.kiosks.offlineSince', { time: formatTime(kiosk.lastHeartbeatAt, language) }), tone: 'bad' };
  return { text: t('admin.kiosks.neverSeen'), tone: 'note' };
}

function cameraText(kiosk: FleetKiosk, t: StaffTranslate): string {
  const camera = kiosk.heartbeat?.camera;
  if (!camera?.present) return camera ? t('admin.kiosks.camera.none') : '';
  return camera.labels.length > 0 ? camera.labels.join(', ') : t('admin.kiosks.camera.unnamed');
}

interface KioskRowProps {
  kiosk: FleetKiosk;
  profiles: Profile[];
  editing: boolean;
  revoking: boolean;
  busy: boolean;
  send: Send;
}

function KioskRow({ kiosk, profiles, editing, revoking, busy, send }: KioskRowProps) {
  const t = useT();
  const language = useLanguage();
  const status = statusText(kiosk, t, language);
  const heartbeat = kiosk.heartbeat;
  const errors = heartbeat?.errors ?? [];

  function submitEdit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    send({
      type: 'edit.requested',
      kioskId: kiosk.id,
      change: { name: String(form.get('name')), location: String(form.get('location')), profileId: Number(form.get('profileId')) },
    });
  }

  return (
    <tr data-kiosk={kiosk.id} class={kiosk.revoked ? 'revoked' : undefined}>
      <th scope="row">
        {kiosk.name}
        {kiosk.location && <span class="muted kiosk-location">{kiosk.location}</span>}
      </th>
      <td>
        <span class={`badge ${status.tone}`} data-testid="kiosk-status">
          {status.text}
        </span>
      </td>
      <td>{kiosk.profileName}</td>
      <td translate={false}>{heartbeat?.version ?? ''}</td>
      <td>{heartbeat ? t(`admin.kiosks.screen.${heartbeat.state}`) : ''}</td>
      <td>{cameraText(kiosk, t)}</td>
      <td>
        {heartbeat &&
          (errors.length === 0 ? (
            <span class="muted">{t('admin.kiosks.errors.none')}</span>
          ) : (
            <span translate={false}>
              {errors
                .slice(-3)
                .map((error) => error.name)
                .join(', ')}
              {errors.length + heartbeat.errorsDropped > 3 && ` ${t('admin.kiosks.errors.more', { count: errors.length + heartbeat.errorsDropped - 3 })}`}
            </span>
          ))}
      </td>
      <td>
        <div class="row-actions">
          {!editing && !revoking && (
            <>
              <button type="button" class="button" disabled={busy} onClick={() => send({ type: 'edit.opened', kioskId: kiosk.id })}>
                {t('admin.kiosks.edit')}
              </button>
              <button type="button" class="button" disabled={busy} onClick={() => send({ type: 'pairingCode.requested', kioskId: kiosk.id })}>
                {t('admin.kiosks.pairAgain')}
              </button>
              {!kiosk.revoked && (
                <button type="button" class="button danger" disabled={busy} onClick={() => send({ type: 'revoke.chosen', kioskId: kiosk.id })}>
                  {t('admin.kiosks.revoke')}
                </button>
              )}
            </>
          )}
          {revoking && (
            <ConfirmDialog
              id={`revoke-${kiosk.id}`}
              question={t('admin.kiosks.revoke.confirm', { name: kiosk.name })}
              yes={t('admin.kiosks.confirm.yes')}
              no={t('admin.kiosks.confirm.no')}
              danger
              busy={busy}
              onYes={() => send({ type: 'revoke.confirmed' })}
              onNo={() => send({ type: 'revoke.cancelled' })}
            />
          )}
          {editing && (
            <form class="kiosk-edit" onSubmit={submitEdit}>
              <label>
                {t('admin.kiosks.name')}
                <input name="name" defaultValue={kiosk.name} maxLength={60} required />
              </label>
              <label>
                {t('admin.kiosks.location')}
                <input name="location" defaultValue={kiosk.location} maxLength={80} />
              </label>
              <ProfileSelect profiles={profiles} selected={kiosk.profileId} />
              <button type="submit" class="button primary" disabled={busy}>
                {t('admin.kiosks.save')}
              </button>
              <button type="button" class="button" onClick={() => send({ type: 'edit.cancelled' })}>
                {t('admin.kiosks.cancel')}
              </button>
            </form>
          )}
        </div>
      </td>
    </tr>
  );
}

function ProfileSelect({ profiles, selected }: { profiles: Profile[]; selected: number }) {
  const t = useT();
  return (
    <label>
      {t('admin.kiosks.profile')}
      {/* Preact ignores defaultValue on a select: `selected` on the option instead. */}
      <select name="profileId">
        {profiles.map((profile) => (
          <option key={profile.id} value={profile.id} selected={profile.id === selected}>
            {profile.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function AddKioskForm({ profiles, busy, send }: { profiles: Profile[]; busy: boolean; send: Send }) {
  const t = useT();

  function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    send({ type: 'add.requested', kiosk: { name: String(form.get('name')), location: String(form.get('location')), profileId: Number(form.get('profileId')) } });
  }

  return (
    <section class="panel add-kiosk" aria-labelledby="add-kiosk-title">
      <h2 id="add-kiosk-title">{t('admin.kiosks.add')}</h2>
      <form onSubmit={submit}>
        <label>
          {t('admin.kiosks.name')}
          <input name="name" maxLength={60} autocomplete="off" required />
        </label>
        <label>
          {t('admin.kiosks.location')}
          <input name="location" maxLength={80} autocomplete="off" />
        </label>
        <ProfileSelect profiles={profiles} selected={profiles[0]?.id ?? 0} />
        <button type="submit" class="button primary" disabled={busy}>
          {t('admin.kiosks.add')}
        </button>
      </form>
    </section>
  );
}
