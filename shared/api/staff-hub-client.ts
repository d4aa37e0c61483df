/**
 * The admin panel's client: the hub client's transport and checks, plus staff sign-in and the
 * staff routes. Kept apart so that none of the staff API is in the kiosk's first load.
 */
import type { EbookAccess } from '../ebooks/schemas';
import { EbookCategory } from '../ebooks/schemas';
import { EbookUploaded, StaffEbook, StaffEbookList, type CategoryDraft, type EbookChange } from '../ebooks/staff-schemas';
import { PatronDetail, PatronSearchPage, PinResetDone, type PatronSearchQuery } from '../patrons/schemas';
import { HubClient, type FileBody } from './hub-client';
import { FleetKiosk, FleetList, IssuedPairingCode, Profile, ProfileList, type AddKioskRequest, type KioskChange, type ProfileInput } from './fleet-schemas';
import { ProfileImageUploaded, type ProfileImageKind } from './kiosk-slides';
import { IlsConnectionTest, IlsSettingsView, type IlsSettingsInput } from './ils-settings-schemas';
import { OfflineIssueList } from './offline-staff-schemas';
import { AnnualReport, StatisticsAnswer, type StatisticsQuery } from '../statistics/schemas';
import { ImportJob, type ImportFormat, type ImportKind } from '../import/schemas';
import { LabelSettings, LabelSheet } from '../import/label-schemas';
import {
  API,
  staffKioskPairingCodePath,
  staffKioskPath,
  staffKioskRevokePath,
  staffOfflineTransactionHandledPath,
  staffProfilePath,
  staffAccountPasswordPath,
  staffAccountPath,
  staffEbookCategoryPath,
  staffEbookPath,
  staffImportConfirmPath,
  staffImportPath,
  staffPatronBlockPath,
  staffPatronExpiryPath,
  staffPatronPath,
  staffPatronPinPath,
  staffPatronUnlockPath,
} from './routes';
import {
  AuditPage,
  StaffAccount,
  StaffAccountList,
  StaffSignedIn,
  StaffWhoAmI,
  type AuditQuery,
  type ChangeOwnPasswordRequest,
  type NewStaffAccount,
} from './staff-schemas';

export class StaffHubClient extends HubClient {
  staffLogin(username: string, password: string, signal?: AbortSignal) {
    return this.call('POST', API.staffLogin, StaffSignedIn, { username, password }, { signal });
  }
  whoAmI(staffToken: string, signal?: AbortSignal) {
    return this.call('GET', API.staffSession, StaffWhoAmI, undefined, { bearer: staffToken, signal });
  }
  changeOwnPassword(staffToken: string, change: ChangeOwnPasswordRequest, signal?: AbortSignal) {
    return this.call('POST', API.staffPassword, StaffWhoAmI, change, { bearer: staffToken, signal });
  }
  staffAccounts(staffToken: string, signal?: AbortSignal) {
    return this.call('GET', API.staffAccounts, StaffAccountList, undefined, { bearer: staffToken, signal });
  }
  createStaffAccount(staffToken: string, account: NewStaffAccount, signal?: AbortSignal) {
    return this.call('POST', API.staffAccounts, StaffAccount, account, { bearer: staffToken, signal });
  }
  setStaffDisabled(staffToken: string, staffId: number, disabled: boolean, signal?: AbortSignal) {
    return this.call('PATCH', staffAccountPath(staffId), StaffAccount, { disabled }, { bearer: staffToken, signal });
  }
  resetStaffPassword(staffToken: string, staffId: number, password: string, signal?: AbortSignal) {
    return this.call('POST', staffAccountPasswordPath(staffId), StaffAccount, { password }, { bearer: staffToken, signal });
  }
  auditLog(staffToken: string, query: AuditQuery, signal?: AbortSignal) {
    const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]));
    return this.call('GET', `${API.staffAudit}?${search}`, AuditPage, undefined, { bearer: staffToken, signal });
  }
  ilsSettings(staffToken: string, signal?: AbortSignal) {
    return this.call('GET', API.staffIls, IlsSettingsView, undefined, { bearer: staffToken, signal });
  }
  saveIlsSettings(staffToken: string, settings: IlsSettingsInput, signal?: AbortSignal) {
    return this.call('PUT', API.staffIls, IlsSettingsView, settings, { bearer: staffToken, signal });
  }
  /** With `settings`, those (saved or not); without, the ones the hub runs with. */
  testIlsConnection(staffToken: string, settings?: IlsSettingsInput, signal?: AbortSignal) {
    return this.call('POST', API.staffIlsTest, IlsConnectionTest, settings ? { settings } : {}, { bearer: staffToken, signal });
  }
  offlineIssues(staffToken: string, signal?: AbortSignal) {
    return this.call('GET', API.staffOfflineTransactions, OfflineIssueList, undefined, { bearer: staffToken, signal });
  }
  markOfflineIssueHandled(staffToken: string, id: number, signal?: AbortSignal) {
    return this.call('POST', staffOfflineTransactionHandledPath(id), null, undefined, { bearer: staffToken, signal });
  }
  searchPatrons(staffToken: string, query: PatronSearchQuery, signal?: AbortSignal) {
    const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined && value !== '').map(([key, value]) => [key, String(value)]));
    return this.call('GET', `${API.staffPatrons}?${search}`, PatronSearchPage, undefined, { bearer: staffToken, signal });
  }
  patron(staffToken: string, cardNumber: string, signal?: AbortSignal) {
    return this.call('GET', staffPatronPath(cardNumber), PatronDetail, undefined, { bearer: staffToken, signal });
  }
  /** Without `pin` the hub generates one and answers it once. */
  resetPatronPin(staffToken: string, cardNumber: string, pin: string | null, signal?: AbortSignal) {
    return this.call('POST', staffPatronPinPath(cardNumber), PinResetDone, pin === null ? {} : { pin }, { bearer: staffToken, signal });
  }
  unlockPatron(staffToken: string, cardNumber: string, signal?: AbortSignal) {
    return this.call('POST', staffPatronUnlockPath(cardNumber), PatronDetail, {}, { bearer: staffToken, signal });
  }
  blockPatron(staffToken: string, cardNumber: string, reason: string, signal?: AbortSignal) {
    return this.call('PUT', staffPatronBlockPath(cardNumber), PatronDetail, { reason }, { bearer: staffToken, signal });
  }
  unblockPatron(staffToken: string, cardNumber: string, signal?: AbortSignal) {
    return this.call('DELETE', staffPatronBlockPath(cardNumber), PatronDetail, undefined, { bearer: staffToken, signal });
  }
  setPatronExpiry(staffToken: string, cardNumber: string, expiresOn: string, signal?: AbortSignal) {
    return this.call('PUT', staffPatronExpiryPath(cardNumber), PatronDetail, { expiresOn }, { bearer: staffToken, signal });
  }
  async staffLogout(staffToken: string) {
    await this.call('DELETE', API.staffLogin, null, undefined, { bearer: staffToken });
  }
  staffEbooks(staffToken: string, signal?: AbortSignal) {
    return this.call('GET', API.staffEbooks, StaffEbookList, undefined, { bearer: staffToken, signal });
  }
  uploadEbook(staffToken: string, file: Blob, name: string, access: EbookAccess, signal?: AbortSignal) {
    return this.call('POST', `${API.staffEbooks}?access=${access}`, EbookUploaded, { file, name } satisfies FileBody, { bearer: staffToken, signal });
  }
  changeEbook(staffToken: string, ebookId: number, change: EbookChange, signal?: AbortSignal) {
    return this.call('PATCH', staffEbookPath(ebookId), StaffEbook, change, { bearer: staffToken, signal });
  }
  addEbookCategory(staffToken: string, draft: CategoryDraft, signal?: AbortSignal) {
    return this.call('POST', API.staffEbookCategories, EbookCategory, draft, { bearer: staffToken, signal });
  }
  updateEbookCategory(staffToken: string, categoryId: number, draft: CategoryDraft, signal?: AbortSignal) {
    return this.call('PATCH', staffEbookCategoryPath(categoryId), EbookCategory, draft, { bearer: staffToken, signal });
  }
  statistics(staffToken: string, query: StatisticsQuery, signal?: AbortSignal) {
    const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]));
    return this.call('GET', `${API.staffStatistics}?${search}`, StatisticsAnswer, undefined, { bearer: staffToken, signal });
  }
  uploadImport(staffToken: string, upload: { kind: ImportKind; format: ImportFormat; file: Blob; fileName: string; holdings?: string; barcodeStart?: string }, signal?: AbortSignal) {
    const search = new URLSearchParams({ kind: upload.kind, format: upload.format });
    if (upload.holdings) search.set('holdings', upload.holdings);
    if (upload.barcodeStart) search.set('barcodeStart', upload.barcodeStart);
    return this.call('POST', `${API.staffImports}?${search}`, ImportJob, { file: upload.file, name: upload.fileName } satisfies FileBody, { bearer: staffToken, signal });
  }
  importJob(staffToken: string, importId: string, signal?: AbortSignal) {
    return this.call('GET', staffImportPath(importId), ImportJob, undefined, { bearer: staffToken, signal });
  }
  confirmImport(staffToken: string, importId: string, signal?: AbortSignal) {
    return this.call('POST', staffImportConfirmPath(importId), ImportJob, {}, { bearer: staffToken, signal });
  }
  /** The items of an import, or the barcodes listed. */
  labels(staffToken: string, which: { importId: string } | { barcodes: readonly string[] }, offset = 0, signal?: AbortSignal) {
    const search = new URLSearchParams('importId' in which ? { import: which.importId } : { barcodes: which.barcodes.join(',') });
    search.set('offset', String(offset));
    return this.call('GET', `${API.staffLabels}?${search}`, LabelSheet, undefined, { bearer: staffToken, signal });
  }
  saveLabelSettings(staffToken: string, settings: LabelSettings, signal?: AbortSignal) {
    return this.call('PUT', API.staffLabelSettings, LabelSettings, settings, { bearer: staffToken, signal });
  }
  annualReport(staffToken: string, year: number, signal?: AbortSignal) {
    return this.call('GET', `${API.staffAnnualReport}?year=${year}`, AnnualReport, undefined, { bearer: staffToken, signal });
  }

  // the kiosk fleet (admins)
  fleet(staffToken: string, signal?: AbortSignal) {
    return this.call('GET', API.staffKiosks, FleetList, undefined, { bearer: staffToken, signal });
  }
  addKiosk(staffToken: string, kiosk: AddKioskRequest, signal?: AbortSignal) {
    return this.call('POST', API.staffKiosks, IssuedPairingCode, kiosk, { bearer: staffToken, signal });
  }
  changeKiosk(staffToken: string, kioskId: string, change: KioskChange, signal?: AbortSignal) {
    return this.call('PATCH', staffKioskPath(kioskId), FleetKiosk, change, { bearer: staffToken, signal });
  }
  newPairingCode(staffToken: string, kioskId: string, signal?: AbortSignal) {
    return this.call('POST', staffKioskPairingCodePath(kioskId), IssuedPairingCode, undefined, { bearer: staffToken, signal });
  }
  revokeKiosk(staffToken: string, kioskId: string, signal?: AbortSignal) {
    return this.call('POST', staffKioskRevokePath(kioskId), FleetKiosk, undefined, { bearer: staffToken, signal });
  }
  profiles(staffToken: string, signal?: AbortSignal) {
    return this.call('GET', API.staffProfiles, ProfileList, undefined, { bearer: staffToken, signal });
  }
  createProfile(staffToken: string, profile: ProfileInput, signal?: AbortSignal) {
    return this.call('POST', API.staffProfiles, Profile, profile, { bearer: staffToken, signal });
  }
  updateProfile(staffToken: string, profileId: number, profile: ProfileInput, signal?: AbortSignal) {
    return this.call('PUT', staffProfilePath(profileId), Profile, profile, { bearer: staffToken, signal });
  }
  deleteProfile(staffToken: string, profileId: number, signal?: AbortSignal) {
    return this.call('DELETE', staffProfilePath(profileId), Profile, undefined, { bearer: staffToken, signal });
  }
  /** Sent as bytes alone: the hub tells the picture's type by its content, not by the browser's guess from the name. */
  uploadProfileImage(staffToken: string, kind: ProfileImageKind, file: Blob, name: string, signal?: AbortSignal) {
    const bytes = file.slice(0, file.size, 'application/octet-stream');
    return this.call('POST', `${API.staffProfileImages}?kind=${kind}`, ProfileImageUploaded, { file: bytes, name } satisfies FileBody, { bearer: staffToken, signal });
  }
}
