/**
 * What the admin panel and the hub exchange about staff: sign-in, one's own session and password,
 * the accounts admins manage, and the audit log. Validated on both sides.
 */
import { z } from 'zod/mini';

const IsoDateTime = z.iso.datetime({ offset: true });
const Id = z.int().check(z.positive());

/** `admin` may do everything; `librarian` the library's work (e-books, later patrons, imports, statistics). */
export const STAFF_ROLES = ['admin', 'librarian'] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

/** Letters, digits, `.`, `_` and `-`: easy to type, no look-alike spaces. */
export const StaffUsername = z.string().check(z.trim(), z.minLength(1), z.maxLength(64), z.regex(/^[\p{L}\p{N}._-]+$/u));

/** A password as typed; the rule (shared/staff/password-rule.ts) is checked apart, to say which part failed. */
const Password = z.string().check(z.minLength(1), z.maxLength(256));

/** Who is signed in, and whether they must choose a new password before anything else. */
export const StaffWhoAmI = z.object({
  username: z.string(),
  role: StaffRole,
  passwordChangeRequired: z.boolean(),
});
export type StaffWhoAmI = z.infer<typeof StaffWhoAmI>;

export const StaffSignedIn = z.extend(StaffWhoAmI, { token: z.string().check(z.minLength(32)) });
export type StaffSignedIn = z.infer<typeof StaffSignedIn>;

/** The current password is needed unless the sign-in was only good for choosing a new one. */
export const ChangeOwnPasswordRequest = z.object({ currentPassword: z.optional(Password), newPassword: Password });
export type ChangeOwnPasswordRequest = z.infer<typeof ChangeOwnPasswordRequest>;

export const StaffAccount = z.object({
  id: Id,
  username: z.string(),
  role: StaffRole,
  disabled: z.boolean(),
  passwordChangeRequired: z.boolean(),
  createdAt: IsoDateTime,
  lastSignInAt: z.nullable(IsoDateTime),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

export const StaffAccountList = z.object({ accounts: z.array(StaffAccount) });
export type StaffAccountList = z.infer<typeof StaffAccountList>;

/** A new account's password is an initial one: its owner chooses their own at first sign-in. */
export const NewStaffAccount = z.object({ username: StaffUsername, role: StaffRole, password: Password });
export type NewStaffAccount = z.infer<typeof NewStaffAccount>;

export const StaffAccountChange = z.object({ disabled: z.boolean() });
export type StaffAccountChange = z.infer<typeof StaffAccountChange>;

export const PasswordReset = z.object({ password: Password });
export type PasswordReset = z.infer<typeof PasswordReset>;

/** What the audit log records. Sign-in failures keep the username as typed, never the password. */
export const AUDIT_ACTIONS = [
  'signIn',
  'signIn.failed',
  'signIn.locked',
  'signOut',
  'password.changed',
  'staff.created',
  'staff.disabled',
  'staff.enabled',
  'staff.passwordReset',
  'ebook.uploaded',
  'ebook.changed',
  'ebook.withdrawn',
  'ebook.restored',
  'category.added',
  'import.items',
  'import.patrons',
  'labels.settingsChanged',
  'category.changed',
  'patron.pinReset',
  'patron.unlocked',
  'patron.blocked',
  'patron.unblocked',
  'patron.expiryChanged',
  'profile.created',
  'profile.changed',
  'profile.deleted',
  'profile.imageUploaded',
  'kiosk.added',
  'kiosk.changed',
  'kiosk.pairingCodeIssued',
  'kiosk.paired',
  'kiosk.revoked',
  'ils.settingsChanged',
  'offline.handled',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: Id,
  at: IsoDateTime,
  /** The staff member, or for a failed sign-in the username typed. */
  username: z.string(),
  action: AuditAction,
  /** What it was done to: an account's username, an e-book's title, a category's name. */
  target: z.nullable(z.string()),
  /** The network address the request came from. */
  address: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AUDIT_PAGE_SIZE = 50;

/** Filters of the audit log; `from` inclusive, `to` exclusive; pages count from 1, newest first. */
export const AuditQuery = z.object({
  username: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
  action: z.optional(AuditAction),
  from: z.optional(IsoDateTime),
  to: z.optional(IsoDateTime),
  page: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)), 1),
});
export type AuditQuery = z.output<typeof AuditQuery>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  total: z.int().check(z.minimum(0)),
  page: z.int().check(z.minimum(1)),
  pageSize: z.int().check(z.positive()),
});
export type AuditPage = z.infer<typeof AuditPage>;
