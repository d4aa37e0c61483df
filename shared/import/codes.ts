/** Why the hub refused an import request (admin panel only; translations in shared/i18n/staff-*.ts). */
import { IMPORT_FILE_REFUSALS } from './schemas';

export const IMPORT_REFUSALS = [
  ...IMPORT_FILE_REFUSALS,
  /** No such import (or another staff member's, or forgotten after an hour). */
  'import.unknown',
  /** Confirmed while the hub is still reading the file, or after it was imported. */
  'import.notReady',
  /** Confirmed although the report lists problems: nothing was changed. */
  'import.hasErrors',
] as const;
export type ImportRefusal = (typeof IMPORT_REFUSALS)[number];
