/** The shell's actors, backed by the hub: staff sign-in, the remembered session, and each page's own hub actors. */
import { fromPromise } from 'xstate';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';
import type { StaffSignedIn } from '../../shared/api/staff-schemas';
import { annualReportActors } from '../annual-report/annual-report-actors';
import { annualReportMachine } from '../annual-report/annual-report-machine';
import { auditPageActors } from '../audit/audit-page-actors';
import { auditPageMachine } from '../audit/audit-page-machine';
import { ebooksPageActors } from '../ebooks/ebooks-page-actors';
import { ebooksPageMachine } from '../ebooks/ebooks-page-machine';
import { ilsPageActors } from '../ils/ils-page-actors';
import { ilsPageMachine } from '../ils/ils-page-machine';
import { kiosksPageActors } from '../kiosks/kiosks-page-actors';
import { kiosksPageMachine } from '../kiosks/kiosks-page-machine';
import { offlinePageActors } from '../offline/offline-page-actors';
import { offlinePageMachine } from '../offline/offline-page-machine';
import { profilesPageActors } from '../profiles/profiles-page-actors';
import { profilesPageMachine } from '../profiles/profiles-page-machine';
import { importPageActors } from '../import/import-page-actors';
import { importPageMachine } from '../import/import-page-machine';
import { labelsPageActors } from '../labels/labels-page-actors';
import { labelsPageMachine } from '../labels/labels-page-machine';
import { patronsPageActors } from '../patrons/patrons-page-actors';
import { patronsPageMachine } from '../patrons/patrons-page-machine';
import { staffPageActors } from '../staff/staff-page-actors';
import { statisticsPageActions, statisticsPageActors } from '../statistics/statistics-page-actors';
import { statisticsPageMachine } from '../statistics/statistics-page-machine';
import { staffPageMachine } from '../staff/staff-page-machine';
import type { AdminContext, Credentials, NewPasswordInput } from './admin-machine';

/** Where the page keeps the staff token: sessionStorage, so a reload keeps it and closing the tab forgets it. */
export interface TokenStorage {
  read(): string | null;
  write(token: string): void;
  clear(): void;
}

export function adminActors(hub: StaffHubClient, storage: TokenStorage) {
  return {
    restoreSession: fromPromise(async ({ signal }): Promise<StaffSignedIn | null> => {
      const token = storage.read();
      if (token === null) return null;
      // An expired or unknown token, or a hub that cannot be reached: the sign-in form.
      const who = await hub.whoAmI(token, signal).catch(() => null);
      return who && { ...who, token };
    }),
    staffLogin: fromPromise(({ input, signal }: { input: Credentials; signal: AbortSignal }) => hub.staffLogin(input.username, input.password, signal)),
    changeOwnPassword: fromPromise(({ input, signal }: { input: NewPasswordInput; signal: AbortSignal }) =>
      hub.changeOwnPassword(input.token, { newPassword: input.newPassword }, signal),
    ),
    staffLogout: fromPromise(async ({ input }: { input: { token: string } }) => hub.staffLogout(input.token).catch(() => undefined)),
    ebooksPage: ebooksPageMachine.provide({ actors: ebooksPageActors(hub) }),
    staffPage: staffPageMachine.provide({ actors: staffPageActors(hub) }),
    auditPage: auditPageMachine.provide({ actors: auditPageActors(hub) }),
    ilsPage: ilsPageMachine.provide({ actors: ilsPageActors(hub) }),
    kiosksPage: kiosksPageMachine.provide({ actors: kiosksPageActors(hub) }),
    offlinePage: offlinePageMachine.provide({ actors: offlinePageActors(hub) }),
    profilesPage: profilesPageMachine.provide({ actors: profilesPageActors(hub) }),
    patronsPage: patronsPageMachine.provide({ actors: patronsPageActors(hub) }),
    statisticsPage: statisticsPageMachine.provide({ actors: statisticsPageActors(hub), actions: statisticsPageActions() }),
    annualReportPage: annualReportMachine.provide({ actors: annualReportActors(hub) }),
    importPage: importPageMachine.provide({ actors: importPageActors(hub) }),
    labelsPage: labelsPageMachine.provide({ actors: labelsPageActors(hub) }),
  };
}

/** The token actions of the shell, over `storage`. */
export function tokenActions(storage: TokenStorage) {
  return {
    rememberToken: ({ context }: { context: AdminContext }) => {
      if (context.token !== null) storage.write(context.token);
    },
    forgetToken: () => storage.clear(),
  };
}
