/**
 * The Import page (librarians and admins): choose what and which file, upload it, watch the hub read and
 * check it (polled every half second), read the preview and the report, confirm, see what was added and
 * updated. The hub calls are injected actors; `staff.signInRequired` ends the machine in `expired`.
 */
import { assign, fromPromise, sendParent, setup } from 'xstate';
import type { ImportFormat, ImportJob, ImportKind } from '../../shared/import/schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { notProvided } from '../../shared/machines/not-provided';
import { reasonOf } from '../shell/hub-reason';
import { errorOf, signInExpired, type PageInput } from '../shell/page-machine';

export interface ImportRequest {
  kind: ImportKind;
  format: ImportFormat;
  file: Blob;
  fileName: string;
  holdings?: string;
  barcodeStart?: string;
}

export interface ImportPageContext {
  token: string;
  job: ImportJob | null;
  error: StaffMessageKey | null;
}

export type ImportPageEvent = { type: 'file.submitted'; request: ImportRequest } | { type: 'confirm' } | { type: 'again' } | { type: 'labels.requested' };

export const POLL_MS = 500;

export const importPageMachine = setup({
  types: {
    context: {} as ImportPageContext,
    events: {} as ImportPageEvent,
    input: {} as PageInput,
  },
  guards: {
    stillReading: ({ event }) => (event as unknown as { output: ImportJob }).output.state === 'reading',
  },
  actions: {
    showReason: assign({ error: ({ event }) => reasonOf(errorOf(event)) }),
    keepJob: assign({ job: ({ event }) => (event as unknown as { output: ImportJob }).output, error: null }),
  },
  actors: {
    uploadImport: fromPromise<ImportJob, { token: string; request: ImportRequest }>(notProvided),
    readImportJob: fromPromise<ImportJob, { token: string; id: string }>(notProvided),
    confirmImport: fromPromise<ImportJob, { token: string; id: string }>(notProvided),
  },
  delays: { poll: POLL_MS },
}).createMachine({
  id: 'importPage',
  initial: 'choosing',
  context: ({ input }) => ({ token: input.token, job: null, error: null }),
  states: {
    choosing: {
      on: { 'file.submitted': 'uploading' },
    },
    uploading: {
      invoke: {
        src: 'uploadImport',
        input: ({ context, event }) => ({ token: context.token, request: (event as Extract<ImportPageEvent, { type: 'file.submitted' }>).request }),
        onDone: [{ guard: 'stillReading', target: 'reading', actions: 'keepJob' }, { target: 'checked', actions: 'keepJob' }],
        onError: [signInExpired('importPage'), { target: 'choosing', actions: 'showReason' }],
      },
    },
    reading: {
      initial: 'waiting',
      states: {
        waiting: { after: { poll: 'asking' } },
        asking: {
          invoke: {
            src: 'readImportJob',
            input: ({ context }) => ({ token: context.token, id: context.job!.id }),
            onDone: [{ guard: 'stillReading', target: 'waiting', actions: 'keepJob' }, { target: '#importPage.checked', actions: 'keepJob' }],
            onError: [signInExpired('importPage'), { target: '#importPage.choosing', actions: 'showReason' }],
          },
        },
      },
    },
    checked: {
      on: {
        confirm: { guard: ({ context }) => context.job?.state === 'ready' && context.job.problemCount === 0, target: 'saving' },
        again: { target: 'choosing', actions: assign({ job: null, error: null }) },
      },
    },
    saving: {
      invoke: {
        src: 'confirmImport',
        input: ({ context }) => ({ token: context.token, id: context.job!.id }),
        onDone: { target: 'done', actions: 'keepJob' },
        onError: [signInExpired('importPage'), { target: 'checked', actions: 'showReason' }],
      },
    },
    done: {
      on: {
        again: { target: 'choosing', actions: assign({ job: null, error: null }) },
        // The shell opens the Labels page for this import's items.
        'labels.requested': { actions: sendParent(({ context }) => ({ type: 'nav.chosen', page: 'labels', importId: context.job!.id })) },
      },
    },
    expired: { type: 'final' },
  },
});

export type ImportPageMachine = typeof importPageMachine;
