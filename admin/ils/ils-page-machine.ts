/**
 * The admin panel's Library system page (admins only): what the hub runs with, and a form for the
 * settings it starts with (environment variables win and show read-only). Save stores them for
 * the next start of the hub; Test connection logs in to the SIP2 server with the form's settings,
 * saved or not, and says what its status reply allows. The form is checked with the shared
 * IlsSettingsInput before the hub sees it; refused fields (there or from the hub's ils.invalid)
 * are listed by field and why.
 *
 * The hub calls are injected actors. An answer `staff.signInRequired` ends the machine in `expired`,
 * and the shell goes back to the sign-in form.
 */
import { assertEvent, assign, fromPromise, setup } from 'xstate';
import { parseForm, type FieldProblem } from '../../shared/api/field-problems';
import { HubError } from '../../shared/api/hub-client';
import { IlsSettingsInput, type IlsConnectionTest, type IlsSettingsView } from '../../shared/api/ils-settings-schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { notProvided } from '../../shared/machines/not-provided';
import { errorOf, loadErrorOf, loadingStates, refusalOf, signInExpired, type PageInput, type PageNotice } from '../shell/page-machine';

export interface IlsPageContext extends PageInput {
  settings: IlsSettingsView | null;
  loadError: StaffMessageKey | null;
  notice: PageNotice | null;
  /** The form's refused fields, from the shared check or the hub. */
  problems: FieldProblem[];
  /** The last Test connection's answer, kept on screen until the next one. */
  test: IlsConnectionTest | null;
  /** Bumped after each save, so the form shows the saved settings (its inputs are uncontrolled). */
  saved: number;
}

export type IlsPageEvent =
  | { type: 'list.reload' }
  /** The form as typed (ils-form.ts `ilsInputOf`): checked here with the shared schema first. */
  | { type: 'settings.save'; input: unknown }
  | { type: 'test.requested'; input: unknown };

export interface IlsFormCall {
  token: string;
  settings: IlsSettingsInput;
}

const SIGN_IN_EXPIRED = signInExpired('ilsPage');
const INVALID: PageNotice = { key: 'code.ils.invalid', tone: 'refused' };

export const ilsPageMachine = setup({
  types: {
    context: {} as IlsPageContext,
    events: {} as IlsPageEvent,
    input: {} as PageInput,
  },
  actors: {
    readIlsSettings: fromPromise<IlsSettingsView, PageInput>(notProvided),
    saveIlsSettings: fromPromise<IlsSettingsView, IlsFormCall>(notProvided),
    testIlsConnection: fromPromise<IlsConnectionTest, IlsFormCall>(notProvided),
  },
  guards: {
    validForm: ({ event }) => 'input' in event && IlsSettingsInput.safeParse(event.input).success,
    /** Only a SIP2 server has a connection to test. */
    sip2Form: ({ event }) => 'input' in event && IlsSettingsInput.safeParse(event.input).data?.ils === 'sip2',
  },
  actions: {
    keepLoaded: assign(({ event }) => ({ settings: (event as unknown as { output: IlsSettingsView }).output, loadError: null })),
    showLoadError: assign(({ event }) => ({ loadError: loadErrorOf(event) })),
    showProblems: assign(({ event }) => {
      return { problems: parseForm(IlsSettingsInput, (event as { input?: unknown }).input).problems, notice: INVALID, test: null };
    }),
    showRefusal: assign(({ event }) => {
      const error = errorOf(event);
      return { notice: refusalOf(event), problems: error instanceof HubError ? (error.details.problems ?? []) : [] };
    }),
  },
}).createMachine({
  id: 'ilsPage',
  initial: 'loading',
  context: ({ input }) => ({ token: input.token, settings: null, loadError: null, notice: null, problems: [], test: null, saved: 0 }),
  states: {
    ...loadingStates('ilsPage', 'readIlsSettings'),
    ready: {
      initial: 'idle',
      states: {
        idle: {
          on: {
            'settings.save': [{ guard: 'validForm', target: 'saving' }, { actions: 'showProblems' }],
            'test.requested': [
              { guard: 'sip2Form', target: 'testing' },
              // The embedded ILS is the hub's own database: nothing to connect to.
              { guard: 'validForm', actions: assign({ notice: { key: 'admin.ils.embedded', tone: 'done' }, problems: [], test: null }) },
              { actions: 'showProblems' },
            ],
          },
        },
        saving: {
          entry: assign({ notice: null, test: null }),
          invoke: {
            src: 'saveIlsSettings',
            input: ({ context, event }) => {
              assertEvent(event, 'settings.save');
              return { token: context.token, settings: IlsSettingsInput.parse(event.input) };
            },
            onDone: {
              target: 'idle',
              actions: assign(({ context, event }) => ({
                settings: event.output,
                problems: [],
                notice: { key: 'admin.ils.saved' as const, tone: 'done' as const },
                saved: context.saved + 1,
              })),
            },
            onError: [SIGN_IN_EXPIRED, { target: 'idle', actions: 'showRefusal' }],
          },
        },
        testing: {
          entry: assign({ notice: null, problems: [], test: null }),
          invoke: {
            src: 'testIlsConnection',
            input: ({ context, event }) => {
              assertEvent(event, 'test.requested');
              return { token: context.token, settings: IlsSettingsInput.parse(event.input) };
            },
            onDone: { target: 'idle', actions: assign({ test: ({ event }) => event.output }) },
            onError: [SIGN_IN_EXPIRED, { target: 'idle', actions: 'showRefusal' }],
          },
        },
      },
    },
    expired: { type: 'final' },
  },
});

export type IlsPageMachine = typeof ilsPageMachine;
