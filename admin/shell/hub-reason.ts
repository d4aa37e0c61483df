/** What the panel shows for a failed hub call: the translation key of its refusal code, never raw error text. */
import { HubError, isRefusal } from '../../shared/api/hub-client';
import type { StaffMessageKey } from '../../shared/i18n/staff';

export function reasonOf(error: unknown): StaffMessageKey {
  return error instanceof HubError ? `code.${error.code}` : 'code.internal';
}

/** The staff token has expired (30 idle minutes) or is unknown to the hub: sign in again. */
export function isSignInRequired(error: unknown): boolean {
  return isRefusal(error, 'staff.signInRequired');
}
