/**
 * The admin panel's Profiles page (admins only): the kiosk profiles, a form to create or edit one,
 * and delete (confirmed first). The form's settings are checked with the shared ProfileInput
 * schema before the hub sees them; refused fields (from that check or the hub's profile.invalid)
 * are listed by field and reason. All hub calls are injected actors; `staff.signInRequired` ends
 * the machine in `expired`.
 */
import { assertEvent, assign, fromPromise, setup } from 'xstate';
import { fieldProblems, type FieldProblem } from '../../shared/api/field-problems';
import { ProfileInput, ProfileSettings, type Profile } from '../../shared/api/fleet-schemas';
import { HubError } from '../../shared/api/hub-client';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { notProvided } from '../../shared/machines/not-provided';
import { isSignInRequired, reasonOf } from '../shell/hub-reason';

export interface ProfilesView {
  profiles: Profile[];
  /** The camera labels kiosks report, to choose from. */
  cameraLabels: string[];
}

export interface ProfilesNotice {
  key: StaffMessageKey;
  name?: string;
  tone: 'done' | 'refused';
}

/** The profile being edited: an existing one, or a new one (id null). */
export interface ProfileDraft {
  id: number | null;
  input: ProfileInput;
}

export type ProfilesPageEvent =
  | { type: 'list.reload' }
  | { type: 'profile.new' }
  | { type: 'profile.edit'; profileId: number }
  | { type: 'form.cancelled' }
  /** The form as typed: checked here with the shared schema first. */
  | { type: 'profile.save'; input: unknown }
  | { type: 'delete.chosen'; profileId: number }
  | { type: 'delete.cancelled' }
  | { type: 'delete.confirmed' };

export interface ProfilesPageContext {
  token: string;
  view: ProfilesView | null;
  loadError: StaffMessageKey | null;
  notice: ProfilesNotice | null;
  draft: ProfileDraft | null;
  problems: FieldProblem[];
  deleting: number | null;
}

const EXPIRED = { guard: ({ event }: { event: { error: unknown } }) => isSignInRequired(event.error), target: '#profiles.expired' } as const;
const nameOf = (context: ProfilesPageContext, id: number | null) => context.view?.profiles.find((profile) => profile.id === id)?.name ?? '';

export const profilesPageMachine = setup({
  types: {
    context: {} as ProfilesPageContext,
    events: {} as ProfilesPageEvent,
    input: {} as { token: string },
  },
  actors: {
    loadProfiles: fromPromise<ProfilesView, { token: string }>(notProvided),
    saveProfile: fromPromise<Profile, { token: string; id: number | null; input: ProfileInput }>(notProvided),
    deleteProfile: fromPromise<Profile, { token: string; id: number }>(notProvided),
  },
  guards: {
    validForm: ({ event }) => event.type === 'profile.save' && ProfileInput.safeParse(event.input).success,
  },
  actions: {
    showRefusal: assign(({ event }) => {
      const error = (event as { error?: unknown }).error;
      const problems = error instanceof HubError ? (error.details.problems ?? []) : [];
      return { notice: { key: reasonOf(error), tone: 'refused' as const }, problems };
    }),
  },
}).createMachine({
  id: 'profiles',
  context: ({ input }) => ({ token: input.token, view: null, loadError: null, notice: null, draft: null, problems: [], deleting: null }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'loadProfiles',
        input: ({ context }) => ({ token: context.token }),
        onDone: { target: 'ready', actions: assign({ view: ({ event }) => event.output, loadError: null }) },
        onError: [EXPIRED, { target: 'failed', actions: assign({ loadError: ({ event }) => reasonOf(event.error) }) }],
      },
    },
    failed: { on: { 'list.reload': 'loading' } },
    ready: {
      initial: 'idle',
      states: {
        idle: {
          on: {
            'list.reload': 'refreshing',
            'profile.new': { actions: assign({ draft: () => ({ id: null, input: { name: '', settings: ProfileSettings.parse({}) } }), problems: [], notice: null }) },
            'profile.edit': {
              actions: assign(({ context, event }) => {
                const profile = context.view?.profiles.find((candidate) => candidate.id === event.profileId);
                return { draft: profile ? { id: profile.id, input: { name: profile.name, settings: profile.settings } } : null, problems: [], notice: null };
              }),
            },
            'form.cancelled': { actions: assign({ draft: null, problems: [] }) },
            'profile.save': [
              { guard: 'validForm', target: 'saving' },
              {
                actions: assign(({ event }) => {
                  const parsed = ProfileInput.safeParse(event.input);
                  return { problems: parsed.success ? [] : fieldProblems(parsed.error), notice: { key: 'code.profile.invalid' as const, tone: 'refused' as const } };
                }),
              },
            ],
            'delete.chosen': { actions: assign({ deleting: ({ event }) => event.profileId }) },
            'delete.cancelled': { actions: assign({ deleting: null }) },
            'delete.confirmed': { guard: ({ context }) => context.deleting !== null, target: 'deleting' },
          },
        },
        refreshing: {
          invoke: {
            src: 'loadProfiles',
            input: ({ context }) => ({ token: context.token }),
            onDone: { target: 'idle', actions: assign({ view: ({ event }) => event.output }) },
            onError: [EXPIRED, { target: 'idle', actions: 'showRefusal' }],
          },
        },
        saving: {
          invoke: {
            src: 'saveProfile',
            input: ({ context, event }) => {
              assertEvent(event, 'profile.save');
              return { token: context.token, id: context.draft?.id ?? null, input: ProfileInput.parse(event.input) };
            },
            onDone: {
              target: 'refreshing',
              actions: assign(({ event }) => ({ draft: null, problems: [], notice: { key: 'admin.profiles.saved' as const, name: event.output.name, tone: 'done' as const } })),
            },
            onError: [EXPIRED, { target: 'idle', actions: 'showRefusal' }],
          },
        },
        deleting: {
          invoke: {
            src: 'deleteProfile',
            input: ({ context }) => ({ token: context.token, id: context.deleting ?? 0 }),
            onDone: {
              target: 'refreshing',
              actions: assign(({ context }) => ({ deleting: null, notice: { key: 'admin.profiles.deleted' as const, name: nameOf(context, context.deleting), tone: 'done' as const } })),
            },
            onError: [EXPIRED, { target: 'idle', actions: [assign({ deleting: null }), 'showRefusal'] }],
          },
        },
      },
    },
    expired: { type: 'final' },
  },
});

export type ProfilesPageMachine = typeof profilesPageMachine;
