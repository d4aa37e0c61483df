import { describe, expect, it } from 'vitest';
import { HubError } from '../../../shared/api/hub-client';
import { StaffHubClient } from '../../../shared/api/staff-hub-client';
import type { StaffEbook } from '../../../shared/ebooks/staff-schemas';

const EBOOK: StaffEbook = {
  id: 16,
  format: 'epub',
  title: '红楼梦',
  authors: ['曹雪芹'],
  language: 'zh',
  subjects: [],
  isbn: null,
  sizeBytes: 5,
  coverUrl: null,
  access: 'open',
  categoryIds: [],
  downloads: 0,
  createdAt: '2026-03-02T02:00:00.000Z',
  withdrawnAt: null,
};

function recordingClient(status: number, answer: unknown) {
  const requests: Array<{ url: string; init: RequestInit }> = [];
  const client = new StaffHubClient({
    kioskToken: () => null,
    fetch: async (url, init = {}) => {
      requests.push({ url: String(url), init });
      return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } });
    },
  });
  return { client, requests };
}

describe('the hub clients (the staff one extends the kiosk one)', () => {
  it('uploads an e-book as the body itself, with its name URI-encoded and the staff token', async () => {
    const { client, requests } = recordingClient(201, { ebook: EBOOK, duplicate: false });
    const file = new Blob(['bytes'], { type: 'application/epub+zip' });
    expect(await client.uploadEbook('staff-token', file, '红楼梦.epub', 'card')).toEqual({ ebook: EBOOK, duplicate: false });
    const [request] = requests;
    expect(request?.url).toBe('/api/admin/ebooks?access=card');
    expect(request?.init.body).toBe(file);
    expect(request?.init.headers).toEqual({
      authorization: 'Bearer staff-token',
      'content-type': 'application/epub+zip',
      'x-file-name': encodeURIComponent('红楼梦.epub'),
    });
  });

  it('sends a file without a type as octet-stream; the hub sniffs it', async () => {
    const { client, requests } = recordingClient(201, { ebook: EBOOK, duplicate: false });
    await client.uploadEbook('staff-token', new Blob(['%PDF-']), 'scan', 'open');
    expect((requests[0]?.init.headers as Record<string, string>)['content-type']).toBe('application/octet-stream');
  });

  it('turns the hub refusal of a file into a HubError with its code', async () => {
    const { client } = recordingClient(422, { error: { code: 'ebook.notZip' } });
    const upload = client.uploadEbook('staff-token', new Blob(['x']), 'fake.epub', 'open');
    await expect(upload).rejects.toEqual(new HubError('ebook.notZip'));
  });

  it('sends JSON with the patron token at a kiosk', async () => {
    const { client, requests } = recordingClient(200, { ok: true, renewed: [] });
    await client.renew('patron-token', ['39010051']).catch(() => undefined);
    expect(requests[0]?.init).toMatchObject({
      method: 'POST',
      body: JSON.stringify({ itemBarcodes: ['39010051'] }),
      headers: { authorization: 'Bearer patron-token', 'content-type': 'application/json' },
    });
  });
});
