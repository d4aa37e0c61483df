/** What the e-books page machine keeps, and what its injected hub actors take. */
import type { EbookAccess } from '../../shared/ebooks/schemas';
import type { CategoryDraft, EbookChange } from '../../shared/ebooks/staff-schemas';
import type { StaffMessageKey } from '../../shared/i18n/staff';

/** A file staff chose or dropped, with its name (its extension tells the hub the format). */
export interface UploadFile {
  name: string;
  file: Blob;
}

/** One line of the upload results, from waiting to its outcome. */
export interface UploadLine {
  id: number;
  name: string;
  state: 'waiting' | 'uploading' | 'added' | 'duplicate' | 'refused';
  /** The title read from the file, once the hub has it. */
  title: string | null;
  reason: StaffMessageKey | null;
}

/** A file waiting for its turn; kept apart from its line so a finished upload lets go of the file. */
export interface QueuedUpload extends UploadFile {
  lineId: number;
  access: EbookAccess;
}

/** A change to one title that the hub has not answered yet; the list shows it meanwhile. */
export interface PendingChange {
  ebookId: number;
  change: EbookChange;
}

/** A category to add (`target: 'new'`) or to update (its id). */
export interface CategoryWrite {
  target: number | 'new';
  draft: CategoryDraft;
}

export type SaveStatus = { state: 'saving' } | { state: 'saved' } | { state: 'failed'; reason: StaffMessageKey };

export interface TokenInput {
  token: string;
}
export interface UploadInput extends TokenInput, UploadFile {
  access: EbookAccess;
}
export interface ChangeInput extends TokenInput, PendingChange {}
export interface AddCategoryInput extends TokenInput {
  draft: CategoryDraft;
}
export interface UpdateCategoryInput extends AddCategoryInput {
  categoryId: number;
}
