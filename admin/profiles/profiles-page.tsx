/** The Profiles page: the kiosk profiles, the form to create or edit one, delete. It renders the page machine's snapshot and sends it events. */
import type { Actor } from 'xstate';
import type { Profile } from '../../shared/api/fleet-schemas';
import { useSelector } from '../../shared/ui/use-selector';
import { useT } from '../shell/i18n-context';
import { problemText } from './profile-form';
import { ProfileForm } from './ProfileForm';
import type { ProfilesPageEvent, ProfilesPageMachine } from './profiles-page-machine';
import '../kiosks/kiosks.css';

export type ProfilesPageActor = Actor<ProfilesPageMachine>;
type Send = (event: ProfilesPageEvent) => void;

export function ProfilesPage({ actor }: { actor: ProfilesPageActor }) {
  const t = useT();
  const context = useSelector(actor, (snapshot) => snapshot.context);
  const state = useSelector(actor, (snapshot) => (snapshot.matches('loading') ? 'loading' : snapshot.matches('failed') ? 'failed' : snapshot.matches({ ready: 'idle' }) ? 'idle' : 'working'));
  const send: Send = (event) => actor.send(event);
  const busy = state === 'working';

  return (
    <div class="profiles-page">
      <h1>{t('admin.profiles.title')}</h1>
      {context.notice && (
        <p role={context.notice.tone === 'done' ? 'status' : 'alert'} class={`notice ${context.notice.tone}`}>
          {t(context.notice.key, { name: context.notice.name ?? '' })}
        </p>
      )}
      {state === 'loading' && <p role="status">{t('admin.staff.loading')}</p>}
      {state === 'failed' && context.loadError && (
        <div class="load-failed" role="alert">
          <p>{t(context.loadError)}</p>
          <button type="button" class="button" onClick={() => send({ type: 'list.reload' })}>
            {t('admin.ebooks.reload')}
          </button>
        </div>
      )}
      {context.view && (
        <>
          <ul class="profile-list">
            {context.view.profiles.map((profile) => (
              <ProfileItem key={profile.id} profile={profile} deleting={context.deleting === profile.id} busy={busy} send={send} />
            ))}
          </ul>
          {context.draft === null ? (
            <button type="button" class="button primary" onClick={() => send({ type: 'profile.new' })}>
              {t('admin.profiles.new')}
            </button>
          ) : (
            <ProfileForm
              key={context.draft.id ?? 'new'}
              draft={context.draft}
              cameraLabels={context.view.cameraLabels}
              problems={context.problems.map((problem) => problemText(problem, t))}
              images={context.images}
              busy={busy}
              send={send}
            />
          )}
        </>
      )}
    </div>
  );
}

function ProfileItem({ profile, deleting, busy, send }: { profile: Profile; deleting: boolean; busy: boolean; send: Send }) {
  const t = useT();
  return (
    <li class="panel profile-item">
      <strong>{profile.name}</strong> <span class="muted">{t('admin.profiles.kioskCount', { count: profile.kioskCount })}</span>
      <div class="row-actions">
        {deleting ? (
          <div role="alertdialog" aria-labelledby={`delete-${profile.id}`} class="confirm">
            <p id={`delete-${profile.id}`}>{t('admin.profiles.delete.confirm', { name: profile.name })}</p>
            <button type="button" class="button danger" disabled={busy} onClick={() => send({ type: 'delete.confirmed' })}>
              {t('admin.profiles.confirm.yes')}
            </button>
            <button type="button" class="button" onClick={() => send({ type: 'delete.cancelled' })}>
              {t('admin.profiles.confirm.no')}
            </button>
          </div>
        ) : (
          <>
            <button type="button" class="button" disabled={busy} onClick={() => send({ type: 'profile.edit', profileId: profile.id })}>
              {t('admin.profiles.edit')}
            </button>
            <button type="button" class="button" disabled={busy} onClick={() => send({ type: 'delete.chosen', profileId: profile.id })}>
              {t('admin.profiles.delete')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
