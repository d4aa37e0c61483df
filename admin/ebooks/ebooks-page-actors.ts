/** The e-books page machine's actors, backed by the hub. */
import { fromPromise } from 'xstate';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';
import type { AddCategoryInput, ChangeInput, TokenInput, UpdateCategoryInput, UploadInput } from './ebooks-page-types';

type Call<I> = { input: I; signal: AbortSignal };

export function ebooksPageActors(hub: StaffHubClient) {
  return {
    loadCollection: fromPromise(({ input, signal }: Call<TokenInput>) => hub.staffEbooks(input.token, signal)),
    uploadEbook: fromPromise(({ input, signal }: Call<UploadInput>) => hub.uploadEbook(input.token, input.file, input.name, input.access, signal)),
    changeEbook: fromPromise(({ input, signal }: Call<ChangeInput>) => hub.changeEbook(input.token, input.ebookId, input.change, signal)),
    addCategory: fromPromise(({ input, signal }: Call<AddCategoryInput>) => hub.addEbookCategory(input.token, input.draft, signal)),
    updateCategory: fromPromise(({ input, signal }: Call<UpdateCategoryInput>) =>
      hub.updateEbookCategory(input.token, input.categoryId, input.draft, signal),
    ),
  };
}
