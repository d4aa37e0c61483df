/**
 * The one password rule for staff accounts (the admin panel shows it, the hub enforces it, and
 * ADMIN_PASSWORD must pass it at first start): at least 10 characters, and not a common password.
 */
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 10;

const common = new Set(COMMON_PASSWORDS.map((password) => password.toLowerCase()));

export type PasswordProblem = 'staff.passwordTooShort' | 'staff.passwordCommon';

/** Why `password` is not acceptable, or null. Length counts characters (a Chinese character is one). */
export function passwordProblem(password: string): PasswordProblem | null {
  const normalized = password.normalize('NFKC');
  if ([...normalized].length < MIN_PASSWORD_LENGTH) return 'staff.passwordTooShort';
  if (common.has(normalized.toLowerCase())) return 'staff.passwordCommon';
  return null;
}
