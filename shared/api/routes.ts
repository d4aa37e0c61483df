/**
 * Paths and headers of the hub, shared by the hub and its clients. The hub registers routes with
 * these patterns (`:id` is a path parameter); clients and pages build URLs with the helpers below.
 */
export const KIOSK_TOKEN_HEADER = 'x-kiosk-token';
/** An e-book upload's body is the file itself; its name (URI-encoded) comes in this header. */
export const UPLOAD_NAME_HEADER = 'x-file-name';

/** The JSON API, for the kiosk and the admin panel. */
export const API = {
  health: '/healthz',
  kioskClaimLocal: '/api/kiosk/claim-local',
  kioskConfig: '/api/kiosk/config',
  kioskOfflineTransactions: '/api/kiosk/offline-transactions',
  kioskPair: '/api/kiosk/pair',
  kioskHeartbeat: '/api/kiosk/heartbeat',
  session: '/api/session',
  sessionPin: '/api/session/pin',
  checkout: '/api/checkout',
  checkin: '/api/checkin',
  renew: '/api/renew',
  staffLogin: '/api/admin/login',
  staffSession: '/api/admin/session',
  staffPassword: '/api/admin/password',
  staffAccounts: '/api/admin/staff',
  staffAccount: '/api/admin/staff/:id',
  staffAccountPassword: '/api/admin/staff/:id/password',
  staffAudit: '/api/admin/audit',
  staffIls: '/api/admin/ils',
  staffIlsTest: '/api/admin/ils/test',
  staffStatistics: '/api/admin/statistics',
  staffStatisticsCsv: '/api/admin/statistics.csv',
  staffAnnualReport: '/api/admin/annual-report',
  staffOfflineTransactions: '/api/admin/offline-transactions',
  staffOfflineTransactionHandled: '/api/admin/offline-transactions/:id/handled',
  ebooks: '/api/ebooks',
  ebookCover: '/api/ebooks/:id/cover',
  ebookTickets: '/api/ebooks/:id/tickets',
  ebookTicket: '/api/ebook-tickets/:ticketId',
  staffEbooks: '/api/admin/ebooks',
  staffEbook: '/api/admin/ebooks/:id',
  staffEbookCategories: '/api/admin/ebook-categories',
  staffEbookCategory: '/api/admin/ebook-categories/:id',
  staffPatrons: '/api/admin/patrons',
  staffPatron: '/api/admin/patrons/:card',
  staffPatronPin: '/api/admin/patrons/:card/pin',
  staffPatronUnlock: '/api/admin/patrons/:card/unlock',
  staffPatronBlock: '/api/admin/patrons/:card/block',
  staffPatronExpiry: '/api/admin/patrons/:card/expiry',
  receipts: '/api/receipts',
  staffImports: '/api/admin/imports',
  staffImport: '/api/admin/imports/:id',
  staffImportConfirm: '/api/admin/imports/:id/confirm',
  staffLabels: '/api/admin/labels',
  staffLabelSettings: '/api/admin/labels/settings',
  staffKiosks: '/api/admin/kiosks',
  staffKiosk: '/api/admin/kiosks/:id',
  staffKioskRevoke: '/api/admin/kiosks/:id/revoke',
  staffKioskPairingCode: '/api/admin/kiosks/:id/pairing-code',
  staffProfiles: '/api/admin/profiles',
  staffProfile: '/api/admin/profiles/:id',
  /** POST ?kind=slide|logo, the body the picture itself: stored for profiles to name. */
  staffProfileImages: '/api/admin/profile-images',
  /** Fetched by <img> on the kiosk and in the panel: public and immutable (`:file` is `<id>.webp`). */
  profileImage: '/api/profile-images/:file',
} as const;

/** Generated covers for items without one (fetched by <img>). */
export const ITEM_COVER = '/covers/:file';

/** What a phone opens from the kiosk's QR code or a typed short code: pages, and the file itself. */
export const PHONE = {
  shortCodeForm: '/d',
  ticketPage: '/d/:token',
  ticketFile: '/d/:token/file',
  shortCodePage: '/d/code/:shortCode',
  shortCodeFile: '/d/code/:shortCode/file',
} as const;

/** The hub's local CA certificate, for staff to install on kiosk machines (HTTPS). */
export const CA_CERTIFICATE = '/ca.crt';

/** A patron's receipt on the phone (from the kiosk's QR code), and its due dates as a calendar file. */
export const RECEIPT = {
  page: '/r/:token',
  calendar: '/r/:token/due-dates.ics',
  /** The path of the cookie that binds a receipt to the first phone that opened it. */
  cookiePath: '/r/',
} as const;

/** The OPDS catalogue of open titles, for reading apps. */
export const OPDS = {
  feed: '/opds',
  file: '/opds/books/:id/file',
} as const;

/** A route pattern with its parameters filled in, each URI-encoded. */
function pathOf(pattern: string, params: Record<string, string | number>): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name])));
}

export const ebookCoverPath = (ebookId: number) => pathOf(API.ebookCover, { id: ebookId });
export const ebookTicketsPath = (ebookId: number) => pathOf(API.ebookTickets, { id: ebookId });
export const ebookTicketPath = (ticketId: number) => pathOf(API.ebookTicket, { ticketId });
export const staffEbookPath = (ebookId: number) => pathOf(API.staffEbook, { id: ebookId });
export const staffEbookCategoryPath = (categoryId: number) => pathOf(API.staffEbookCategory, { id: categoryId });
export const staffImportPath = (importId: string) => pathOf(API.staffImport, { id: importId });
export const staffImportConfirmPath = (importId: string) => pathOf(API.staffImportConfirm, { id: importId });
export const staffPatronPath = (card: string) => pathOf(API.staffPatron, { card });
export const staffPatronPinPath = (card: string) => pathOf(API.staffPatronPin, { card });
export const staffPatronUnlockPath = (card: string) => pathOf(API.staffPatronUnlock, { card });
export const staffPatronBlockPath = (card: string) => pathOf(API.staffPatronBlock, { card });
export const staffPatronExpiryPath = (card: string) => pathOf(API.staffPatronExpiry, { card });
export const staffKioskPath = (kioskId: string) => pathOf(API.staffKiosk, { id: kioskId });
export const staffKioskRevokePath = (kioskId: string) => pathOf(API.staffKioskRevoke, { id: kioskId });
export const staffKioskPairingCodePath = (kioskId: string) => pathOf(API.staffKioskPairingCode, { id: kioskId });
export const staffProfilePath = (profileId: number) => pathOf(API.staffProfile, { id: profileId });
export const staffOfflineTransactionHandledPath = (id: number) => pathOf(API.staffOfflineTransactionHandled, { id });
export const profileImagePath = (imageId: string) => pathOf(API.profileImage, { file: `${imageId}.webp` });
export const staffAccountPath = (staffId: number) => pathOf(API.staffAccount, { id: staffId });
export const staffAccountPasswordPath = (staffId: number) => pathOf(API.staffAccountPassword, { id: staffId });
export const ticketPagePath = (token: string) => pathOf(PHONE.ticketPage, { token });
export const ticketFilePath = (token: string) => pathOf(PHONE.ticketFile, { token });
export const shortCodePagePath = (shortCode: string) => pathOf(PHONE.shortCodePage, { shortCode });
export const shortCodeFilePath = (shortCode: string) => pathOf(PHONE.shortCodeFile, { shortCode });
export const receiptPagePath = (token: string) => pathOf(RECEIPT.page, { token });
export const receiptCalendarPath = (token: string) => pathOf(RECEIPT.calendar, { token });
export const opdsFilePath = (ebookId: number) => pathOf(OPDS.file, { id: ebookId });
