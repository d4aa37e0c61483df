/**
 * Why the hub refused an import request (admin panel only; translations in shared/i18n/staff-*.ts).
 * No schemas here: the refusal codes of every API are in the kiosk's bundle too (shared/circulation/codes.ts).
 */

/** The file as a whole could not be read: nothing to preview. */
/** `import.failed`: the hub itself failed reading it (a bug, in the hub's log). */
export const IMPORT_FILE_REFUSALS = ['import.tooLarge', 'import.encoding', 'import.header', 'import.empty', 'import.notMarc', 'import.failed'] as const;

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
