/**
 * The admin panel's Staff page (admins only): the accounts, a form for a new one, and per
 * account disable / re-enable and reset password. One change at a time; each answer replaces
 * that account in the list and says what happened. Usernames and passwords are checked against
 * the shared rules before the hub sees them.
 *
 * All hub calls are injected actors. A call answered `staff.signInRequired` ends the machine
 * in `expired`, and the shell goes back to the sign-in form.
 */
import { assertEvent, assign, fromPromise, setup } from 'xstate';
import { StaffUsername, type NewStaffAccount, type StaffAccount, type StaffAccountList } from '../../shared/api/staff-schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { notProvided } from '../../shared/machines/not-provided';
import { passwordProblem } from '../../shared/staff/password-rule';
import { reasonOf } from '../shell/hub-reason';
import { loadErrorOf, loadingStates, signInExpired, type PageInput, type PageNotice } from '../shell/page-machine';

export interface StaffPageInput extends PageInput {
  /** The signed-in admin: their own row offers no disable or reset. */
  username: string;
}

export interface CreateStaffInput {
  token: string;
  account: NewStaffAccount;
}
export interface SetDisabledInput {
  token: string;
  staffId: number;
  disabled: boolean;
}
export interface ResetPasswordInput {
  token: string;
  staffId: number;
  password: string;
}

export type StaffPageEvent =
  | { type: 'list.reload' }
  | { type: 'account.createRequested'; account: NewStaffAccount }
  | { type: 'account.disableChosen'; staffId: number; disabled: boolean }
  | { type: 'account.resetOpened'; staffId: number }
  | { type: 'account.resetCancelled' }
  | { type: 'account.resetRequested'; staffId: number; password: string };

export interface StaffPageContext extends StaffPageInput {
  accounts: StaffAccount[];
  loadError: StaffMessageKey | null;
  notice: PageNotice | null;
  /** The account whose reset form is open. */
  resetting: number | null;
  /** Bumped after each account is created, so the form can empty itself. */
  created: number;
}

const refused = (key: StaffMessageKey): PageNotice => ({ key, tone: 'refused' });

/** Why a new account cannot be sent, or null. */
function newAccountProblem(account: NewStaffAccount): StaffMessageKey | null {
  if (!StaffUsername.safeParse(account.username).success) return 'admin.staff.usernameInvalid';
  const problem = passwordProblem(account.password);
  return problem && `code.${problem}`;
}

function keepAccount(accounts: readonly StaffAccount[], account: StaffAccount): StaffAccount[] {
  const others = accounts.filter((a) => a.id !== account.id);
  return [...others, account].sort((a, b) => a.username.localeCompare(b.username, 'en', { sensitivity: 'base' }));
}

const SIGN_IN_EXPIRED = signInExpired('staffPage');

export const staffPageMachine = setup({
  types: {
    context: {} as StaffPageContext,
    events: {} as StaffPageEvent,
    input: {} as StaffPageInput,
  },
  actors: {
    loadStaff: fromPromise<StaffAccountList, { token: string }>(notProvided),
    createStaff: fromPromise<StaffAccount, CreateStaffInput>(notProvided),
    setDisabled: fromPromise<StaffAccount, SetDisabledInput>(notProvided),
    resetPassword: fromPromise<StaffAccount, ResetPasswordInput>(notProvided),
  },
  actions: {
    keepLoaded: assign(({ event }) => ({ accounts: (event as unknown as { output: StaffAccountList }).output.accounts, loadError: null })),
    showLoadError: assign(({ event }) => ({ loadError: loadErrorOf(event) })),
    answered: assign(({ context }, { account, notice }: { account: StaffAccount; notice: StaffMessageKey }) => ({
      accounts: keepAccount(context.accounts, account),
      notice: { key: notice, params: { username: account.username }, tone: 'done' as const },
      resetting: null,
    })),
    refuse: assign((_, key: StaffMessageKey) => ({ notice: refused(key) })),
  },
}).createMachine({
  id: 'staffPage',
  initial: 'loading',
  context: ({ input }) => ({ ...input, accounts: [], loadError: null, notice: null, resetting: null, created: 0 }),
  states: {
    ...loadingStates('staffPage', 'loadStaff'),
    ready: {
      initial: 'idle',
      states: {
        idle: {
          on: {
            'account.createRequested': [
              {
                guard: ({ event }) => newAccountProblem(event.account) !== null,
                actions: { type: 'refuse', params: ({ event }) => newAccountProblem(event.account)! },
              },
              { target: 'creating' },
            ],
            'account.disableChosen': 'settingDisabled',
            'account.resetOpened': { actions: assign({ resetting: ({ event }) => event.staffId, notice: null }) },
            'account.resetCancelled': { actions: assign({ resetting: null }) },
            'account.resetRequested': [
              {
                guard: ({ event }) => passwordProblem(event.password) !== null,
                actions: { type: 'refuse', params: ({ event }) => `code.${passwordProblem(event.password)!}` as const },
              },
              { target: 'resetting' },
            ],
          },
        },
        creating: {
          invoke: {
            src: 'createStaff',
            input: ({ context, event }) => {
              assertEvent(event, 'account.createRequested');
              return { token: context.token, account: { ...event.account, username: event.account.username.trim() } };
            },
            onDone: {
              target: 'idle',
              actions: [
                { type: 'answered', params: ({ event }) => ({ account: event.output, notice: 'admin.staff.created' }) },
                assign({ created: ({ context }) => context.created + 1 }),
              ],
            },
            onError: [SIGN_IN_EXPIRED, { target: 'idle', actions: { type: 'refuse', params: ({ event }) => reasonOf(event.error) } }],
          },
        },
        settingDisabled: {
          invoke: {
            src: 'setDisabled',
            input: ({ context, event }) => {
              assertEvent(event, 'account.disableChosen');
              return { token: context.token, staffId: event.staffId, disabled: event.disabled };
            },
            onDone: {
              target: 'idle',
              actions: {
                type: 'answered',
                params: ({ event }) => ({ account: event.output, notice: event.output.disabled ? 'admin.staff.disabledDone' : 'admin.staff.enabledDone' }),
              },
            },
            onError: [SIGN_IN_EXPIRED, { target: 'idle', actions: { type: 'refuse', params: ({ event }) => reasonOf(event.error) } }],
          },
        },
        resetting: {
          invoke: {
            src: 'resetPassword',
            input: ({ context, event }) => {
              assertEvent(event, 'account.resetRequested');
              return { token: context.token, staffId: event.staffId, password: event.password };
            },
            onDone: { target: 'idle', actions: { type: 'answered', params: ({ event }) => ({ account: event.output, notice: 'admin.staff.resetDone' }) } },
            onError: [SIGN_IN_EXPIRED, { target: 'idle', actions: { type: 'refuse', params: ({ event }) => reasonOf(event.error) } }],
          },
        },
      },
    },
    expired: { type: 'final' },
  },
});

export type StaffPageMachine = typeof staffPageMachine;
