/** Staff uploads to the import routes of a test hub, and waiting for the hub to finish reading one. */
import { expect } from 'vitest';
import { API, UPLOAD_NAME_HEADER, staffImportConfirmPath, staffImportPath } from '../../../shared/api/routes';
import { ImportJob } from '../../../shared/import/schemas';
import { createStaffAccount } from '../../../server/staff/staff-accounts';
import type { TestHub } from './test-hub';

export const LIBRARIAN_PASSWORD = 'correct horse battery staple';

export async function librarianToken(hub: TestHub): Promise<string> {
  await createStaffAccount(hub.db, 'librarian', LIBRARIAN_PASSWORD, hub.now);
  const login = await hub.call('POST', API.staffLogin, { kioskToken: null, body: { username: 'librarian', password: LIBRARIAN_PASSWORD } });
  return (login.json() as { token: string }).token;
}

export function importClient(hub: TestHub, token: () => string) {
  const headers = () => ({ authorization: `Bearer ${token()}` });
  return {
    upload: (bytes: Uint8Array | string, query: string, name = 'file.csv', contentType = 'text/csv') =>
      hub.app.inject({
        method: 'POST',
        url: `${API.staffImports}?${query}`,
        headers: { ...headers(), 'content-type': contentType, [UPLOAD_NAME_HEADER]: encodeURIComponent(name) },
        payload: typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes),
      }),
    job: (id: string) => hub.app.inject({ method: 'GET', url: staffImportPath(id), headers: headers() }),
    confirm: (id: string) => hub.app.inject({ method: 'POST', url: staffImportConfirmPath(id), headers: headers() }),
    /** Uploads and polls until the hub has read the file. */
    async checked(bytes: Uint8Array | string, query: string, name?: string): Promise<ImportJob> {
      const started = await this.upload(bytes, query, name);
      expect(started.statusCode, started.body).toBe(202);
      const { id } = ImportJob.parse(started.json());
      for (let i = 0; i < 500; i++) {
        const job = ImportJob.parse((await this.job(id)).json());
        if (job.state !== 'reading') return job;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error('the import never finished reading');
    },
  };
}
