/**
 * What the admin pages' machines have in common. The shell invokes each page with the staff token; any hub call a page
 * makes may be answered `staff.signInRequired` (the token expired after 30 idle minutes, or the hub forgot it), which
 * ends the page in its final `expired` state, and the shell asks staff to sign in again.
 *
 * The state configs here name their actions and actors as strings, so one config serves every page's `setup` (as the
 * e-books page's `queueWorker` does for its queues): a page using `loadingStates` defines the actions it names.
 */
import type { MessageParams } from '../../shared/i18n';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { isSignInRequired, reasonOf } from './hub-reason';

export interface PageInput {
  token: string;
}

/** What a page's last step did, or why it was refused: `done` notices are a status, `refused` ones an alert. */
export interface PageNotice {
  key: StaffMessageKey;
  params?: MessageParams;
  tone: 'done' | 'refused';
}

/** The refusal of a failed hub call (an invoke's error event), as a notice. */
export const refusalOf = (event: unknown): PageNotice => ({ key: reasonOf(errorOf(event)), tone: 'refused' });

/** The error an invoke's `onError` event carries. */
export const errorOf = (event: unknown): unknown => (event as { error?: unknown }).error;

/** The hub call's input when the staff token is all it needs. */
export const tokenInput = ({ context }: { context: PageInput }): PageInput => ({ token: context.token });

/** First in every hub call's `onError`: the sign-in expired, so the page (the machine `pageId`) ends. */
export function signInExpired<const Id extends string>(pageId: Id) {
  return { guard: ({ event }: { event: unknown }) => isSignInRequired(errorOf(event)), target: `#${pageId}.expired` } as const;
}

/**
 * A page that first loads what it shows: `loading` asks the hub with `src`; its answer goes to `ready` through the
 * page's `keepLoaded` action, a refusal to `failed` through `showLoadError`, and there `list.reload` asks again.
 */
export function loadingStates<const Src extends string>(pageId: string, src: Src) {
  return {
    loading: {
      invoke: {
        src,
        input: tokenInput,
        onDone: { target: 'ready', actions: 'keepLoaded' },
        onError: [signInExpired(pageId), { target: 'failed', actions: 'showLoadError' }],
      },
    },
    failed: { on: { 'list.reload': 'loading' } },
  } as const;
}

/** Which of `loadingStates`' states a page's snapshot is in; `ready` for any other. */
export function loadStateOf(snapshot: { matches(state: 'loading' | 'failed'): boolean }): 'loading' | 'failed' | 'ready' {
  return snapshot.matches('loading') ? 'loading' : snapshot.matches('failed') ? 'failed' : 'ready';
}

/** Why the page could not load what it shows, for a page's `showLoadError` action. */
export const loadErrorOf = (event: unknown): StaffMessageKey => reasonOf(errorOf(event));
