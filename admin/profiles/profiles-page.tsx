/** The Profiles page: the kiosk profiles, the form to create or edit one, delete. It renders the page machine's snapshot and sends it events. */
import type { Actor } from 'xstate';
import type { Profile } from '../../shared/api/fleet-schemas';
import { useSelector } from '../../shared/ui/use-selector';
import { useT } from '../shell/i18n-context';
import { loadStateOf } from '../shell/page-machine';
import { ConfirmDialog, PageShell } from '../shell/page-shell';
import { problemText } from './profile-form';
import { ProfileForm } from './ProfileForm';
import type { ProfilesPageEvent, ProfilesPageMachine } from './profiles-page-machine';
import '../kiosks/kiosks.css';

export type ProfilesPageActor = Actor<ProfilesPageMachine>;
type Send = (event: ProfilesPageEvent) => void;

export function ProfilesPage({ actor }: { actor: ProfilesPageActor }) {
  const t = useT();
  const context = useSelector(actor, (snapshot) => snapshot.context);
  const load = useSelector(actor, loadStateOf);
  const busy = useSelector(actor, (snapshot) => snapshot.matches('ready') && !snapshot.matches({ ready: 'idle' }));
  const send: Send = (event) => actor.send(event);

  return (
    <PageShell
      className="profiles-page"
      tall
      title={t('admin.profiles.title')}
      notice={context.notice}
      load={{ state: load, error: context.loadError, onReload: () => send({ type: 'list.reload' }) }}
    >
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
    </PageShell>
  );
}

function ProfileItem({ profile, deleting, busy, send }: { profile: Profile; deleting: boolean; busy: boolean; send: Send }) {
  const t = useT();
  return (
    <li class="panel profile-item">
      <strong>{profile.name}</strong> <span class="muted">{t('admin.profiles.kioskCount', { count: profile.kioskCount })}</span>
      <div class="row-actions">
        {deleting ? (
          <ConfirmDialog
            id={`delete-${profile.id}`}
            question={t('admin.profiles.delete.confirm', { name: profile.name })}
            yes={t('admin.profiles.confirm.yes')}
            no={t('admin.profiles.confirm.no')}
            danger
            busy={busy}
            onYes={() => send({ type: 'delete.confirmed' })}
            onNo={() => send({ type: 'delete.cancelled' })}
          />
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
