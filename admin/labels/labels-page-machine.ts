/**
 * The Labels page: the labels of an import's items (opened from its result) or of the barcodes staff type,
 * in the library's symbology (a hub setting, changed here), 1,200 at a time, printed with the browser.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { LabelSettings, LabelSheet, LabelSymbology } from '../../shared/import/label-schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { notProvided } from '../../shared/machines/not-provided';
import { reasonOf } from '../shell/hub-reason';
import { errorOf, signInExpired, type PageInput } from '../shell/page-machine';

export type LabelSource = { importId: string } | { barcodes: string[] };

export interface LabelsPageContext {
  token: string;
  source: LabelSource | null;
  offset: number;
  sheet: LabelSheet | null;
  error: StaffMessageKey | null;
}

export type LabelsPageEvent =
  | { type: 'barcodes.submitted'; barcodes: string[] }
  | { type: 'symbology.chosen'; symbology: LabelSymbology }
  | { type: 'more' };

export const labelsPageMachine = setup({
  types: {
    context: {} as LabelsPageContext,
    events: {} as LabelsPageEvent,
    input: {} as PageInput & { importId?: string },
  },
  guards: {
    hasSource: ({ context }) => context.source !== null,
  },
  actions: {
    showReason: assign({ error: ({ event }) => reasonOf(errorOf(event)) }),
  },
  actors: {
    readLabels: fromPromise<LabelSheet, { token: string; source: LabelSource; offset: number }>(notProvided),
    saveLabelSettings: fromPromise<LabelSettings, { token: string; settings: LabelSettings }>(notProvided),
  },
}).createMachine({
  id: 'labelsPage',
  initial: 'start',
  context: ({ input }) => ({ token: input.token, source: input.importId ? { importId: input.importId } : null, offset: 0, sheet: null, error: null }),
  states: {
    start: { always: [{ guard: 'hasSource', target: 'loading' }, { target: 'ready' }] },
    ready: {
      on: {
        'barcodes.submitted': { guard: ({ event }) => event.barcodes.length > 0, target: 'loading', actions: assign({ source: ({ event }) => ({ barcodes: event.barcodes }), offset: 0 }) },
        'symbology.chosen': 'saving',
        more: {
          guard: ({ context }) => context.sheet !== null && context.sheet.offset + context.sheet.labels.length + context.sheet.unknown.length < context.sheet.total,
          target: 'loading',
          actions: assign({ offset: ({ context }) => context.sheet!.offset + context.sheet!.labels.length + context.sheet!.unknown.length }),
        },
      },
    },
    loading: {
      invoke: {
        src: 'readLabels',
        input: ({ context }) => ({ token: context.token, source: context.source!, offset: context.offset }),
        onDone: { target: 'ready', actions: assign({ sheet: ({ event }) => event.output, error: null }) },
        onError: [signInExpired('labelsPage'), { target: 'ready', actions: 'showReason' }],
      },
    },
    saving: {
      invoke: {
        src: 'saveLabelSettings',
        input: ({ context, event }) => ({ token: context.token, settings: { symbology: (event as Extract<LabelsPageEvent, { type: 'symbology.chosen' }>).symbology } }),
        onDone: { target: 'ready', actions: assign({ sheet: ({ context, event }) => context.sheet && { ...context.sheet, symbology: event.output.symbology } }) },
        onError: [signInExpired('labelsPage'), { target: 'ready', actions: 'showReason' }],
      },
    },
    expired: { type: 'final' },
  },
});

export type LabelsPageMachine = typeof labelsPageMachine;
