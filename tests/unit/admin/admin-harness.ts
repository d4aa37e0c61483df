/** A fake hub for the admin panel's machines: records every call, answers from a small collection, can be held or made to refuse. */
import { createActor, fromPromise } from 'xstate';
import { auditPageMachine, type AuditReadInput } from '../../../admin/audit/audit-page-machine';
import { ebooksPageMachine } from '../../../admin/ebooks/ebooks-page-machine';
import { adminMachine, type NewPasswordInput } from '../../../admin/shell/admin-machine';
import { staffPageMachine, type CreateStaffInput, type ResetPasswordInput, type SetDisabledInput } from '../../../admin/staff/staff-page-machine';
import { HubError } from '../../../shared/api/hub-client';
import type { AuditPage, StaffAccount, StaffAccountList, StaffSignedIn, StaffWhoAmI } from '../../../shared/api/staff-schemas';
import type { RefusalCode } from '../../../shared/circulation/codes';
import type { EbookCategory } from '../../../shared/ebooks/schemas';
import type { EbookUploaded, StaffEbook, StaffEbookList } from '../../../shared/ebooks/staff-schemas';
import type { AddCategoryInput, ChangeInput, TokenInput, UpdateCategoryInput, UploadInput } from '../../../admin/ebooks/ebooks-page-types';
import type { Credentials } from '../../../admin/shell/admin-machine';

export const TOKEN = 's'.repeat(43);

export function staffEbook(id: number, title: string, overrides: Partial<StaffEbook> = {}): StaffEbook {
  return {
    id,
    format: 'epub',
    title,
    authors: [],
    language: 'zh',
    subjects: [],
    isbn: null,
    sizeBytes: 1024 ** 2,
    coverUrl: null,
    access: 'open',
    categoryIds: [],
    downloads: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    withdrawnAt: null,
    ...overrides,
  };
}

export const LITERATURE: EbookCategory = { id: 1, nameZh: '文学', nameEn: 'Literature', sort: 1 };
export const HISTORY: EbookCategory = { id: 2, nameZh: '历史', nameEn: 'History', sort: 2 };
export const HLM = staffEbook(1, '红楼梦', { authors: ['曹雪芹'], categoryIds: [1] });
export const SGYY = staffEbook(2, '三国演义', { authors: ['罗贯中'], access: 'card', categoryIds: [1, 2] });

export { deferred } from '../support/deferred';

type Answer<I, O> = (input: I) => Promise<O> | O;

/** Answers: override any of them; by default each call succeeds the way the hub would. */
export interface FakeHubAnswers {
  login: Answer<Credentials, StaffSignedIn>;
  list: Answer<TokenInput, StaffEbookList>;
  upload: Answer<UploadInput, EbookUploaded>;
  change: Answer<ChangeInput, StaffEbook>;
  addCategory: Answer<AddCategoryInput, EbookCategory>;
  updateCategory: Answer<UpdateCategoryInput, EbookCategory>;
  changeOwnPassword: Answer<NewPasswordInput, StaffWhoAmI>;
  loadStaff: Answer<TokenInput, StaffAccountList>;
  createStaff: Answer<CreateStaffInput, StaffAccount>;
  setDisabled: Answer<SetDisabledInput, StaffAccount>;
  resetPassword: Answer<ResetPasswordInput, StaffAccount>;
  readAudit: Answer<AuditReadInput, AuditPage>;
}

export function staffAccount(id: number, username: string, overrides: Partial<StaffAccount> = {}): StaffAccount {
  return { id, username, role: 'librarian', disabled: false, passwordChangeRequired: false, createdAt: '2026-01-01T00:00:00.000Z', lastSignInAt: null, ...overrides };
}
export const ADMIN_ACCOUNT = staffAccount(1, 'admin', { role: 'admin', lastSignInAt: '2026-03-02T02:00:00.000Z' });
export const ZHAO = staffAccount(2, 'zhao');

export const refusal = (code: RefusalCode) => () => Promise.reject(new HubError(code));

export function fakeHub(overrides: Partial<FakeHubAnswers> = {}) {
  const collection: StaffEbook[] = [HLM, SGYY];
  const calls = {
    login: [] as Credentials[],
    list: [] as TokenInput[],
    upload: [] as UploadInput[],
    change: [] as ChangeInput[],
    addCategory: [] as AddCategoryInput[],
    updateCategory: [] as UpdateCategoryInput[],
    logout: [] as Array<{ token: string }>,
    changeOwnPassword: [] as NewPasswordInput[],
    loadStaff: [] as TokenInput[],
    createStaff: [] as CreateStaffInput[],
    setDisabled: [] as SetDisabledInput[],
    resetPassword: [] as ResetPasswordInput[],
    readAudit: [] as AuditReadInput[],
  };
  const answers: FakeHubAnswers = {
    login: (credentials) => {
      if (credentials.password !== 'right') throw new HubError('staff.invalidCredentials');
      return { token: TOKEN, username: credentials.username, role: 'admin', passwordChangeRequired: false };
    },
    list: () => ({ ebooks: collection, categories: [HISTORY, LITERATURE] }),
    upload: (input) => ({ ebook: staffEbook(10 + calls.upload.length, `Title of ${input.name}`, { access: input.access }), duplicate: false }),
    change: (input) => {
      const ebook = collection.find((e) => e.id === input.ebookId);
      if (!ebook) throw new HubError('ebook.unknown');
      const { withdrawn, ...rest } = input.change;
      return { ...ebook, ...rest, withdrawnAt: withdrawn === undefined ? ebook.withdrawnAt : withdrawn ? '2026-02-01T00:00:00.000Z' : null };
    },
    addCategory: (input) => ({ id: 10 + calls.addCategory.length, ...input.draft }),
    updateCategory: (input) => ({ id: input.categoryId, ...input.draft }),
    changeOwnPassword: () => ({ username: 'liwei', role: 'librarian', passwordChangeRequired: false }),
    loadStaff: () => ({ accounts: [ADMIN_ACCOUNT, ZHAO] }),
    createStaff: (input) => staffAccount(10 + calls.createStaff.length, input.account.username, { role: input.account.role, passwordChangeRequired: true }),
    setDisabled: (input) => ({ ...(input.staffId === 1 ? ADMIN_ACCOUNT : ZHAO), disabled: input.disabled }),
    resetPassword: (input) => ({ ...(input.staffId === 1 ? ADMIN_ACCOUNT : ZHAO), passwordChangeRequired: true }),
    readAudit: (input) => ({ entries: [], total: 0, page: input.query.page, pageSize: 50 }),
    ...overrides,
  };
  return {
    calls,
    pageActors: {
      loadCollection: recording(calls.list, answers.list),
      uploadEbook: recording(calls.upload, answers.upload),
      changeEbook: recording(calls.change, answers.change),
      addCategory: recording(calls.addCategory, answers.addCategory),
      updateCategory: recording(calls.updateCategory, answers.updateCategory),
    },
    staffPageActors: {
      loadStaff: recording(calls.loadStaff, answers.loadStaff),
      createStaff: recording(calls.createStaff, answers.createStaff),
      setDisabled: recording(calls.setDisabled, answers.setDisabled),
      resetPassword: recording(calls.resetPassword, answers.resetPassword),
    },
    auditPageActors: { readAudit: recording(calls.readAudit, answers.readAudit) },
    changeOwnPassword: recording(calls.changeOwnPassword, answers.changeOwnPassword),
    staffLogin: recording(calls.login, answers.login),
    staffLogout: recording<{ token: string }, void>(calls.logout, () => {}),
  };
}

/**
 * The admin shell over a fake hub, with a token storage of its own (`stored()`): `remembered`
 * is a token the page kept before a reload, `whoAmI` what the hub says of it. Resolves once the
 * shell has looked for a remembered session.
 */
export async function startAdmin(answers: Partial<FakeHubAnswers> = {}, { remembered = null as string | null, whoAmI = null as StaffWhoAmI | null } = {}) {
  const hub = fakeHub(answers);
  let stored = remembered;
  const actor = createActor(
    adminMachine.provide({
      actors: {
        restoreSession: fromPromise(async () => (stored !== null && whoAmI ? { ...whoAmI, token: stored } : null)),
        staffLogin: hub.staffLogin,
        changeOwnPassword: hub.changeOwnPassword,
        staffLogout: hub.staffLogout,
        ebooksPage: ebooksPageMachine.provide({ actors: hub.pageActors }),
        staffPage: staffPageMachine.provide({ actors: hub.staffPageActors }),
        auditPage: auditPageMachine.provide({ actors: hub.auditPageActors }),
      },
      actions: {
        rememberToken: ({ context }) => void (stored = context.token),
        forgetToken: () => void (stored = null),
      },
    }),
  ).start();
  await settle(); // past `restoring`
  return { actor, hub, stored: () => stored };
}

/** An actor that notes its input, then answers asynchronously, as the hub does. */
function recording<I, O>(inputs: I[], answer: Answer<I, O>) {
  return fromPromise(async ({ input }: { input: I }) => {
    inputs.push(input);
    return answer(input);
  });
}

/** Lets every settled promise's callbacks run, so the machine has taken in the hub's answers. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
