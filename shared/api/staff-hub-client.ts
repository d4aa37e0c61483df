/**
 * The admin panel's client: the hub client's transport and checks, plus staff sign-in and the
 * staff routes. Kept apart so that none of the staff API is in the kiosk's first load.
 */
import type { EbookAccess } from '../ebooks/schemas';
import { EbookCategory } from '../ebooks/schemas';
import { EbookUploaded, StaffEbook, StaffEbookList, type CategoryDraft, type EbookChange } from '../ebooks/staff-schemas';
import { HubClient, type FileBody } from './hub-client';
import { API, staffEbookCategoryPath, staffEbookPath } from './routes';
import { StaffLoginResponse } from './schemas';

export class StaffHubClient extends HubClient {
  staffLogin(username: string, password: string, signal?: AbortSignal) {
    return this.call('POST', API.staffLogin, StaffLoginResponse, { username, password }, { signal });
  }
  async staffLogout(staffToken: string) {
    await this.call('DELETE', API.staffLogin, null, undefined, { bearer: staffToken });
  }
  staffEbooks(staffToken: string, signal?: AbortSignal) {
    return this.call('GET', API.staffEbooks, StaffEbookList, undefined, { bearer: staffToken, signal });
  }
  uploadEbook(staffToken: string, file: Blob, name: string, access: EbookAccess, signal?: AbortSignal) {
    return this.call('POST', `${API.staffEbooks}?access=${access}`, EbookUploaded, { file, name } satisfies FileBody, { bearer: staffToken, signal });
  }
  changeEbook(staffToken: string, ebookId: number, change: EbookChange, signal?: AbortSignal) {
    return this.call('PATCH', staffEbookPath(ebookId), StaffEbook, change, { bearer: staffToken, signal });
  }
  addEbookCategory(staffToken: string, draft: CategoryDraft, signal?: AbortSignal) {
    return this.call('POST', API.staffEbookCategories, EbookCategory, draft, { bearer: staffToken, signal });
  }
  updateEbookCategory(staffToken: string, categoryId: number, draft: CategoryDraft, signal?: AbortSignal) {
    return this.call('PATCH', staffEbookCategoryPath(categoryId), EbookCategory, draft, { bearer: staffToken, signal });
  }
}
