/**
 * The admin panel's Profiles page (admins only): the kiosk profiles, a form to create or edit one,
 * and delete (confirmed first). The form's settings are checked with the shared ProfileInput
 * schema before the hub sees them; refused fields (from that check or the hub's profile.invalid)
 * are listed by field and reason. A picture chosen in the form (a slide's, the logo) is uploaded
 * at once, beside whatever else the page does; the form names it by the id the hub answers. All
 * hub calls are injected actors; `staff.signInRequired` ends the machine in `expired`.
 */
import { assertEvent, assign, fromPromise, setup, spawnChild } from 'xstate';
import { parseForm, type FieldProblem } from '../../shared/api/field-problems';
import { ProfileInput, ProfileSettings, type Profile } from '../../shared/api/fleet-schemas';
import { HubError } from '../../shared/api/hub-client';
import { PROFILE_IMAGE_MAX_BYTES, type ProfileImageKind, type ProfileImageUploaded } from '../../shared/api/kiosk-slides';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { notProvided } from '../../shared/machines/not-provided';
import { isSignInRequired, reasonOf } from '../shell/hub-reason';
import { errorOf, loadErrorOf, loadingStates, signInExpired, tokenInput, type PageInput, type PageNotice } from '../shell/page-machine';

export interface ProfilesView {
  profiles: Profile[];
  /** The camera labels kiosks report, to choose from. */
  cameraLabels: string[];
}

/** The profile being edited: an existing one, or a new one (id null). */
export interface ProfileDraft {
  id: number | null;
  input: ProfileInput;
}

/**
 * A picture of the form: `logo`, or `slide.<key>` for the slide the form shows under that key
 * (the draft's slides are keys 0, 1, …). `id`: the stored picture the form names, null for none.
 */
export interface ImageSlot {
  id: string | null;
  uploading: boolean;
  problem: StaffMessageKey | null;
}

export const LOGO_SLOT = 'logo';
export const slideSlot = (key: number) => `slide.${key}`;
const UPLOAD_PREFIX = 'image:';

export type ProfilesPageEvent =
  | { type: 'list.reload' }
  | { type: 'profile.new' }
  | { type: 'profile.edit'; profileId: number }
  | { type: 'form.cancelled' }
  /** The form as typed: checked here with the shared schema first. */
  | { type: 'profile.save'; input: unknown }
  | { type: 'delete.chosen'; profileId: number }
  | { type: 'delete.cancelled' }
  | { type: 'delete.confirmed' }
  /** Staff chose a file for a picture: it is uploaded as it is (the hub judges it by its content). */
  | { type: 'image.chosen'; slot: string; kind: ProfileImageKind; file: Blob; name: string }
  | { type: 'image.removed'; slot: string };

export interface ProfilesPageContext {
  token: string;
  view: ProfilesView | null;
  loadError: StaffMessageKey | null;
  notice: PageNotice | null;
  draft: ProfileDraft | null;
  problems: FieldProblem[];
  deleting: number | null;
  /** The draft's pictures by slot. */
  images: Record<string, ImageSlot>;
  /** The draft's uploads under way: the slot of each upload actor (one id per upload, never reused). */
  uploads: Record<string, string>;
  uploadCount: number;
}

export interface UploadImageInput {
  token: string;
  kind: ProfileImageKind;
  file: Blob;
  name: string;
}

const EXPIRED = signInExpired('profiles');
const nameOf = (context: ProfilesPageContext, id: number | null) => context.view?.profiles.find((profile) => profile.id === id)?.name ?? '';

const stored = (id: string | null): ImageSlot => ({ id, uploading: false, problem: null });
/** A new draft: its form, its pictures, no problems yet. */
function draftOf(id: number | null, input: ProfileInput): Pick<ProfilesPageContext, 'draft' | 'images' | 'uploads' | 'problems' | 'notice'> {
  const images: Record<string, ImageSlot> = { [LOGO_SLOT]: stored(input.settings.logo) };
  input.settings.slides.forEach((slide, index) => (images[slideSlot(index)] = stored(slide.image)));
  return { draft: { id, input }, images, uploads: {}, problems: [], notice: null };
}
/** No draft: an upload still under way ends unheard. */
const NO_DRAFT = { draft: null, images: {}, uploads: {}, problems: [] };
const withSlot = (context: ProfilesPageContext, slot: string, image: ImageSlot) => ({ images: { ...context.images, [slot]: image } });

/** The end of an upload the form still waits for: its slot, and the picture or the error. */
function uploadOf(context: ProfilesPageContext, event: { type: string }): { slot: string; output?: ProfileImageUploaded; error?: unknown } | null {
  const ended = event as { type: string; actorId?: string; output?: ProfileImageUploaded; error?: unknown };
  const slot = ended.actorId === undefined ? undefined : context.uploads[ended.actorId];
  return slot !== undefined && context.images[slot]?.uploading ? { slot, output: ended.output, error: ended.error } : null;
}
const uploadEnded = (context: ProfilesPageContext, event: { type: string }) => {
  const { [(event as { actorId?: string }).actorId ?? '']: _ended, ...uploads } = context.uploads;
  return uploads;
};

export const profilesPageMachine = setup({
  types: {
    context: {} as ProfilesPageContext,
    events: {} as ProfilesPageEvent,
    input: {} as PageInput,
  },
  actors: {
    loadProfiles: fromPromise<ProfilesView, { token: string }>(notProvided),
    saveProfile: fromPromise<Profile, { token: string; id: number | null; input: ProfileInput }>(notProvided),
    deleteProfile: fromPromise<Profile, { token: string; id: number }>(notProvided),
    uploadImage: fromPromise<ProfileImageUploaded, UploadImageInput>(notProvided),
  },
  guards: {
    uploadNeedsSignIn: ({ context, event }) => isSignInRequired(uploadOf(context, event)?.error),
    validForm: ({ event }) => event.type === 'profile.save' && ProfileInput.safeParse(event.input).success,
  },
  actions: {
    noteUploaded: assign(({ context, event }) => {
      const upload = uploadOf(context, event);
      return upload?.output ? { ...withSlot(context, upload.slot, stored(upload.output.id)), uploads: uploadEnded(context, event) } : {};
    }),
    noteUploadFailed: assign(({ context, event }) => {
      const upload = uploadOf(context, event);
      return upload
        ? { ...withSlot(context, upload.slot, { ...stored(context.images[upload.slot]?.id ?? null), problem: reasonOf(upload.error) }), uploads: uploadEnded(context, event) }
        : {};
    }),
    keepLoaded: assign(({ event }) => ({ view: (event as unknown as { output: ProfilesView }).output, loadError: null })),
    showLoadError: assign(({ event }) => ({ loadError: loadErrorOf(event) })),
    showRefusal: assign(({ event }) => {
      const error = errorOf(event);
      const problems = error instanceof HubError ? (error.details.problems ?? []) : [];
      return { notice: { key: reasonOf(error), tone: 'refused' as const }, problems };
    }),
  },
}).createMachine({
  id: 'profiles',
  context: ({ input }) => ({ token: input.token, view: null, loadError: null, notice: null, draft: null, problems: [], deleting: null, images: {}, uploads: {}, uploadCount: 0 }),
  initial: 'loading',
  states: {
    ...loadingStates('profiles', 'loadProfiles'),
    ready: {
      initial: 'idle',
      on: {
        'image.chosen': [
          {
            guard: ({ context, event }) => context.draft !== null && event.file.size > PROFILE_IMAGE_MAX_BYTES,
            actions: assign(({ context, event }) => withSlot(context, event.slot, { ...stored(context.images[event.slot]?.id ?? null), problem: 'code.profileImage.tooLarge' })),
          },
          {
            // One upload at a time per picture (the form's file button waits too).
            guard: ({ context, event }) => context.draft !== null && !context.images[event.slot]?.uploading,
            actions: [
              assign(({ context, event }) => ({
                ...withSlot(context, event.slot, { id: context.images[event.slot]?.id ?? null, uploading: true, problem: null }),
                uploads: { ...context.uploads, [`${UPLOAD_PREFIX}${context.uploadCount}`]: event.slot },
                uploadCount: context.uploadCount + 1,
              })),
              spawnChild('uploadImage', {
                id: ({ context }) => `${UPLOAD_PREFIX}${context.uploadCount - 1}`,
                input: ({ context, event }) => {
                  assertEvent(event, 'image.chosen');
                  return { token: context.token, kind: event.kind, file: event.file, name: event.name };
                },
              }),
            ],
          },
        ],
        'image.removed': { actions: assign(({ context, event }) => withSlot(context, event.slot, stored(null))) },
        // An upload ended: its slot names the stored picture, or says why not (unless the form moved on).
        'xstate.done.actor.*': { actions: 'noteUploaded' },
        'xstate.error.actor.*': [{ guard: 'uploadNeedsSignIn', target: '#profiles.expired' }, { actions: 'noteUploadFailed' }],
      },
      states: {
        idle: {
          on: {
            'list.reload': 'refreshing',
            'profile.new': { actions: assign(() => draftOf(null, { name: '', settings: ProfileSettings.parse({}) })) },
            'profile.edit': {
              actions: assign(({ context, event }) => {
                const profile = context.view?.profiles.find((candidate) => candidate.id === event.profileId);
                return profile ? draftOf(profile.id, { name: profile.name, settings: profile.settings }) : { ...NO_DRAFT, notice: null };
              }),
            },
            'form.cancelled': { actions: assign(NO_DRAFT) },
            'profile.save': [
              { guard: 'validForm', target: 'saving' },
              {
                actions: assign(({ event }) => {
                  return { problems: parseForm(ProfileInput, event.input).problems, notice: { key: 'code.profile.invalid' as const, tone: 'refused' as const } };
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
            input: tokenInput,
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
              actions: assign(({ event }) => ({ ...NO_DRAFT, notice: { key: 'admin.profiles.saved' as const, params: { name: event.output.name }, tone: 'done' as const } })),
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
              actions: assign(({ context }) => ({ deleting: null, notice: { key: 'admin.profiles.deleted' as const, params: { name: nameOf(context, context.deleting) }, tone: 'done' as const } })),
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
