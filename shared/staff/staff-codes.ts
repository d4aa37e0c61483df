/** Refusals of staff sign-in, sessions, roles and account management (translated in shared/i18n/staff-*.ts). */
export const STAFF_ACCOUNT_REFUSALS = [
  /** Signed in, but this role may not do that. */
  'staff.forbidden',
  /** The password was reset: only choosing a new one is allowed with this sign-in. */
  'staff.passwordChangeRequired',
  /** Too many failed sign-ins for this username or from this address just now. */
  'staff.signInLocked',
  'staff.passwordTooShort',
  'staff.passwordCommon',
  /** Changing one's own password: the current one typed is not right. */
  'staff.passwordWrong',
  /** The new password is the one it replaces. */
  'staff.passwordUnchanged',
  'staff.usernameTaken',
  'staff.unknown',
  /** Admins change their own account with "change my password", not the account list. */
  'staff.notYourself',
] as const;
export type StaffAccountRefusal = (typeof STAFF_ACCOUNT_REFUSALS)[number];
