/**
 * Machine-readable outcome codes of the e-book features. Like the circulation codes, the hub
 * sends codes only; the admin panel, the kiosk and the phone page translate them.
 */

/** Why an uploaded file was not added to the e-book collection. */
export const EBOOK_UPLOAD_REFUSALS = [
  'ebook.tooLarge',
  'ebook.unsupportedType',
  'ebook.notZip',
  'ebook.unsafePath',
  'ebook.zipBomb',
  'ebook.encrypted',
  'ebook.noMimetype',
  'ebook.noContainer',
  'ebook.noOpf',
  'ebook.badOpf',
  'ebook.notPdf',
] as const;
export type EbookUploadRefusal = (typeof EBOOK_UPLOAD_REFUSALS)[number];

/** Why a download ticket could not be issued at the kiosk. */
export const TICKET_ISSUE_REFUSALS = ['ebook.unknown', 'ebook.cardRequired', 'ebook.dailyLimit'] as const;
export type TicketIssueRefusal = (typeof TICKET_ISSUE_REFUSALS)[number];

/** Why a phone could not download with its ticket. */
export const TICKET_REDEEM_REFUSALS = [
  'ticket.unknown',
  'ticket.expired',
  'ticket.usedUp',
  'ticket.cancelled',
  'ebook.dailyLimit',
] as const;
export type TicketRedeemRefusal = (typeof TICKET_REDEEM_REFUSALS)[number];

/** Why staff could not change the collection (besides an upload's refusals). */
export const STAFF_EBOOK_REFUSALS = ['staff.signInRequired', 'category.unknown'] as const;
