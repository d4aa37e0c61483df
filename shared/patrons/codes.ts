/** Why the hub refuses a patron care request (admin panel only; translated in shared/i18n/staff-*.ts). */
export const PATRON_CARE_REFUSALS = [
  /** The hub runs with the library's own system (SIP2): patrons are managed there, not in the hub. */
  'patrons.managedByIls',
  /** The card number names no patron of the embedded library. */
  'patron.unknown',
  /** The new expiry date is not a calendar date YYYY-MM-DD from 2000 to 2100. */
  'patron.expiryInvalid',
  /** A manual block needs a reason staff can read later. */
  'patron.blockReasonMissing',
] as const;
export type PatronCareRefusal = (typeof PATRON_CARE_REFUSALS)[number];
