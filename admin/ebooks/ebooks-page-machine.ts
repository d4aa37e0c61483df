/**
 * The admin panel's e-books page: the staff list of titles, uploads, changes to a title, and
 * the categories. Four regions run side by side, so staff can change a title while files upload:
 *
 *   list        loads the collection (again on request after a failure)
 *   uploads     sends the chosen files one after another; a refused file never stops the rest
 *   changes     saves each change to a title as soon as it is made, in the order made; the list
 *               shows the change at once and, should the hub refuse it, what the hub has
 *   categories  adds and updates categories, checked against the hub's own schema first
 *
 * All hub calls are injected actors. A call answered `staff.signInRequired` (the staff token
 * expired) ends the machine in `expired`, and the shell goes back to the sign-in form.
 */
import { assertEvent, assign, fromPromise, setup } from 'xstate';
import type { EbookAccess, EbookCategory } from '../../shared/ebooks/schemas';
import { CategoryDraft, type EbookUploaded, type StaffEbook, type StaffEbookList } from '../../shared/ebooks/staff-schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { reasonOf } from '../shell/hub-reason';
import { signInExpired } from '../shell/page-machine';
import { sortCategories, withPending } from './collection-view';
import type {
  AddCategoryInput,
  CategoryWrite,
  ChangeInput,
  PendingChange,
  QueuedUpload,
  SaveStatus,
  TokenInput,
  UpdateCategoryInput,
  UploadFile,
  UploadInput,
  UploadLine,
} from './ebooks-page-types';
import { notProvided } from '../../shared/machines/not-provided';

/** A category as typed into the form; the machine checks it before the hub sees it. */
export interface CategoryFields {
  nameZh: string;
  nameEn: string;
  sort: number;
}

export type EbooksPageEvent =
  | { type: 'list.reload' }
  | { type: 'filter.changed'; filter: string }
  | { type: 'upload.accessChosen'; access: EbookAccess }
  | { type: 'upload.filesChosen'; files: UploadFile[] }
  | { type: 'uploads.cleared' }
  | { type: 'ebook.accessChosen'; ebookId: number; access: EbookAccess }
  | { type: 'ebook.categoryToggled'; ebookId: number; categoryId: number; checked: boolean }
  | { type: 'ebook.withdrawChosen'; ebookId: number; withdrawn: boolean }
  | { type: 'category.addRequested'; fields: CategoryFields }
  | { type: 'category.saveRequested'; categoryId: number; fields: CategoryFields };

export interface EbooksPageContext {
  token: string;
  /** The collection as the hub last answered it. */
  ebooks: StaffEbook[];
  categories: EbookCategory[];
  loadError: StaffMessageKey | null;
  filter: string;
  uploadAccess: EbookAccess;
  uploadLines: UploadLine[];
  uploadQueue: QueuedUpload[];
  nextLineId: number;
  pendingChanges: PendingChange[];
  rowStatus: Partial<Record<number, SaveStatus>>;
  categoryWrites: CategoryWrite[];
  categoryStatus: Partial<Record<number | 'new', SaveStatus>>;
}

/** Replaces the title the hub answered with, or puts a new one first, where staff look for it. */
function keepEbook(ebooks: readonly StaffEbook[], ebook: StaffEbook): StaffEbook[] {
  return ebooks.some((e) => e.id === ebook.id) ? ebooks.map((e) => (e.id === ebook.id ? ebook : e)) : [ebook, ...ebooks];
}

function toggled(ids: readonly number[], id: number, checked: boolean): number[] {
  return checked ? [...new Set([...ids, id])] : ids.filter((other) => other !== id);
}

/** The hub refuses a bad draft with `request.invalid`, whose own text is about barcodes. */
function categoryReason(error: unknown): StaffMessageKey {
  const reason = reasonOf(error);
  return reason === 'code.request.invalid' ? 'admin.categories.invalid' : reason;
}

/** The queue's first entry, which the worker's call is for. */
function first<T>(queue: readonly T[]): T {
  const [next] = queue;
  if (next === undefined) throw new Error('a queue worker called the hub with nothing queued');
  return next;
}

const ebooksPageSetup = setup({
  types: {
    context: {} as EbooksPageContext,
    events: {} as EbooksPageEvent,
    input: {} as TokenInput,
  },
  actors: {
    loadCollection: fromPromise<StaffEbookList, TokenInput>(notProvided),
    uploadEbook: fromPromise<EbookUploaded, UploadInput>(notProvided),
    changeEbook: fromPromise<StaffEbook, ChangeInput>(notProvided),
    addCategory: fromPromise<EbookCategory, AddCategoryInput>(notProvided),
    updateCategory: fromPromise<EbookCategory, UpdateCategoryInput>(notProvided),
  },
  guards: {
    hasQueuedUpload: ({ context }) => context.uploadQueue.length > 0,
    hasPendingChange: ({ context }) => context.pendingChanges.length > 0,
    nextWriteAdds: ({ context }) => context.categoryWrites[0]?.target === 'new',
    hasCategoryWrite: ({ context }) => context.categoryWrites.length > 0,
  },
  actions: {
    keepCollection: assign((_, list: StaffEbookList) => ({ ebooks: list.ebooks, categories: sortCategories(list.categories), loadError: null })),
    showLoadError: assign((_, reason: StaffMessageKey) => ({ loadError: reason })),

    queueUploads: assign(({ context, event }) => {
      assertEvent(event, 'upload.filesChosen');
      const lineId = (index: number) => context.nextLineId + index;
      return {
        nextLineId: context.nextLineId + event.files.length,
        uploadLines: [
          ...context.uploadLines,
          ...event.files.map((file, index): UploadLine => ({ id: lineId(index), name: file.name, state: 'waiting', title: null, reason: null })),
        ],
        uploadQueue: [...context.uploadQueue, ...event.files.map((file, index) => ({ ...file, lineId: lineId(index), access: context.uploadAccess }))],
      };
    }),
    markUploading: assign(({ context }) => ({
      uploadLines: context.uploadLines.map((line) => (line.id === context.uploadQueue[0]?.lineId ? { ...line, state: 'uploading' as const } : line)),
    })),
    finishUpload: assign(({ context }, outcome: Pick<UploadLine, 'state' | 'title' | 'reason'>) => {
      const [done, ...rest] = context.uploadQueue;
      return {
        uploadQueue: rest,
        uploadLines: context.uploadLines.map((line) => (line.id === done?.lineId ? { ...line, ...outcome } : line)),
      };
    }),
    keepEbook: assign(({ context }, ebook: StaffEbook) => ({ ebooks: keepEbook(context.ebooks, ebook) })),
    clearFinishedLines: assign(({ context }) => ({
      uploadLines: context.uploadLines.filter((line) => line.state === 'waiting' || line.state === 'uploading'),
    })),

    queueChange: assign(({ context }, pending: PendingChange) => ({
      pendingChanges: [...context.pendingChanges, pending],
      rowStatus: { ...context.rowStatus, [pending.ebookId]: { state: 'saving' } },
    })),
    /** The saved change leaves the queue; the row is saved once nothing more waits for it. */
    finishChange: assign(({ context }, reason: StaffMessageKey | null) => {
      const [done, ...rest] = context.pendingChanges;
      if (!done) return {};
      const status: SaveStatus =
        reason !== null ? { state: 'failed', reason } : rest.some((p) => p.ebookId === done.ebookId) ? { state: 'saving' } : { state: 'saved' };
      return { pendingChanges: rest, rowStatus: { ...context.rowStatus, [done.ebookId]: status } };
    }),

    requestCategoryWrite: assign(({ context }, { target, fields }: { target: number | 'new'; fields: CategoryFields }) => {
      const draft = CategoryDraft.safeParse(fields);
      if (!draft.success) return { categoryStatus: { ...context.categoryStatus, [target]: { state: 'failed', reason: 'admin.categories.invalid' } } };
      return {
        categoryWrites: [...context.categoryWrites, { target, draft: draft.data }],
        categoryStatus: { ...context.categoryStatus, [target]: { state: 'saving' } },
      };
    }),
    finishCategoryWrite: assign(({ context }, outcome: { category: EbookCategory } | { reason: StaffMessageKey }) => {
      const [done, ...rest] = context.categoryWrites;
      if (!done) return {};
      if ('reason' in outcome) {
        return { categoryWrites: rest, categoryStatus: { ...context.categoryStatus, [done.target]: { state: 'failed', reason: outcome.reason } } };
      }
      const others = context.categories.filter((category) => category.id !== outcome.category.id);
      return {
        categoryWrites: rest,
        categories: sortCategories([...others, outcome.category]),
        categoryStatus: { ...context.categoryStatus, [done.target]: { state: 'saved' } },
      };
    }),
  },
});

type StateConfig = Parameters<typeof ebooksPageSetup.createStateConfig>[0];
/** One hub call of a worker, typed by its `src`; `onDone` and `onError` give actions only. */
type WorkerCall = Extract<NonNullable<StateConfig['invoke']>, { src: string }>;
type Guard = NonNullable<Extract<NonNullable<StateConfig['always']>, { guard?: unknown }>['guard']>;

/** The staff token expired: the page ends, and the shell goes back to the sign-in form. */
const SIGN_IN_EXPIRED = signInExpired('ebooksPage');

/**
 * A region that works through one queue, first entry first: `idle` until a call's guard finds work,
 * then that call (tried in order) and back to `idle` with the hub's answer or refusal, whose actions
 * take the entry off the queue. An expired sign-in ends the page instead; any other refusal is that
 * entry's outcome, so one refused entry never stops the rest.
 */
function queueWorker(calls: Record<string, { when: Guard; entry?: StateConfig['entry']; invoke: WorkerCall }>) {
  const states: Record<string, StateConfig> = {
    idle: { always: Object.entries(calls).map(([state, { when }]) => ({ guard: when, target: state })) },
  };
  for (const [state, { entry, invoke }] of Object.entries(calls)) {
    const onDone = { ...(invoke.onDone as object), target: 'idle' };
    const onError = [SIGN_IN_EXPIRED, { ...(invoke.onError as object), target: 'idle' }];
    states[state] = { entry, invoke: { ...invoke, onDone, onError } as WorkerCall };
  }
  return ebooksPageSetup.createStateConfig({ initial: 'idle', states });
}

export const ebooksPageMachine = ebooksPageSetup.createMachine({
  id: 'ebooksPage',
  initial: 'working',
  context: ({ input }) => ({
    token: input.token,
    ebooks: [],
    categories: [],
    loadError: null,
    filter: '',
    uploadAccess: 'open',
    uploadLines: [],
    uploadQueue: [],
    nextLineId: 1,
    pendingChanges: [],
    rowStatus: {},
    categoryWrites: [],
    categoryStatus: {},
  }),
  states: {
    working: {
      type: 'parallel',
      on: {
        'filter.changed': { actions: assign({ filter: ({ event }) => event.filter }) },
        'upload.accessChosen': { actions: assign({ uploadAccess: ({ event }) => event.access }) },
        'upload.filesChosen': { actions: 'queueUploads' },
        'uploads.cleared': { actions: 'clearFinishedLines' },
        'ebook.accessChosen': { actions: { type: 'queueChange', params: ({ event }) => ({ ebookId: event.ebookId, change: { access: event.access } }) } },
        'ebook.categoryToggled': {
          guard: ({ context, event }) => context.ebooks.some((ebook) => ebook.id === event.ebookId),
          actions: {
            type: 'queueChange',
            params: ({ context, event }) => {
              const ebook = context.ebooks.find((e) => e.id === event.ebookId);
              const shownIds = ebook ? withPending(ebook, context.pendingChanges).categoryIds : [];
              return { ebookId: event.ebookId, change: { categoryIds: toggled(shownIds, event.categoryId, event.checked) } };
            },
          },
        },
        'ebook.withdrawChosen': { actions: { type: 'queueChange', params: ({ event }) => ({ ebookId: event.ebookId, change: { withdrawn: event.withdrawn } }) } },
        'category.addRequested': { actions: { type: 'requestCategoryWrite', params: ({ event }) => ({ target: 'new' as const, fields: event.fields }) } },
        'category.saveRequested': { actions: { type: 'requestCategoryWrite', params: ({ event }) => ({ target: event.categoryId, fields: event.fields }) } },
      },
      states: {
        list: {
          initial: 'loading',
          states: {
            loading: {
              invoke: {
                src: 'loadCollection',
                input: ({ context }) => ({ token: context.token }),
                onDone: { target: 'ready', actions: { type: 'keepCollection', params: ({ event }) => event.output } },
                onError: [SIGN_IN_EXPIRED, { target: 'failed', actions: { type: 'showLoadError', params: ({ event }) => reasonOf(event.error) } }],
              },
            },
            ready: {},
            failed: { on: { 'list.reload': 'loading' } },
          },
        },

        uploads: queueWorker({
          uploading: {
            when: 'hasQueuedUpload',
            entry: 'markUploading',
            invoke: {
              src: 'uploadEbook',
              input: ({ context }) => {
                const next = first(context.uploadQueue);
                return { token: context.token, file: next.file, name: next.name, access: next.access };
              },
              onDone: {
                actions: [
                  {
                    type: 'finishUpload',
                    params: ({ event }) => ({ state: event.output.duplicate ? 'duplicate' : 'added', title: event.output.ebook.title, reason: null }),
                  },
                  { type: 'keepEbook', params: ({ event }) => event.output.ebook },
                ],
              },
              onError: { actions: { type: 'finishUpload', params: ({ event }) => ({ state: 'refused', title: null, reason: reasonOf(event.error) }) } },
            },
          },
        }),

        changes: queueWorker({
          saving: {
            when: 'hasPendingChange',
            invoke: {
              src: 'changeEbook',
              input: ({ context }) => ({ token: context.token, ...first(context.pendingChanges) }),
              onDone: { actions: [{ type: 'keepEbook', params: ({ event }) => event.output }, { type: 'finishChange', params: null }] },
              // The hub's copy of the row stays as it was, so the row shows it again.
              onError: { actions: { type: 'finishChange', params: ({ event }) => reasonOf(event.error) } },
            },
          },
        }),

        categories: queueWorker({
          adding: {
            when: 'nextWriteAdds',
            invoke: {
              src: 'addCategory',
              input: ({ context }) => ({ token: context.token, draft: first(context.categoryWrites).draft }),
              onDone: { actions: { type: 'finishCategoryWrite', params: ({ event }) => ({ category: event.output }) } },
              onError: { actions: { type: 'finishCategoryWrite', params: ({ event }) => ({ reason: categoryReason(event.error) }) } },
            },
          },
          updating: {
            when: 'hasCategoryWrite',
            invoke: {
              src: 'updateCategory',
              input: ({ context }) => {
                const next = first(context.categoryWrites);
                if (next.target === 'new') throw new Error('updating a category that is not there yet');
                return { token: context.token, categoryId: next.target, draft: next.draft };
              },
              onDone: { actions: { type: 'finishCategoryWrite', params: ({ event }) => ({ category: event.output }) } },
              onError: { actions: { type: 'finishCategoryWrite', params: ({ event }) => ({ reason: categoryReason(event.error) }) } },
            },
          },
        }),
      },
    },
    /** The staff token has expired; the shell, which invoked this page, signs staff out. */
    expired: { type: 'final' },
  },
});

export type EbooksPageMachine = typeof ebooksPageMachine;
