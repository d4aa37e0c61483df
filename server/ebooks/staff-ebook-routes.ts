/**
 * Staff curating the e-book collection from the admin panel. Registered in the staff scope:
 * every route needs a staff token.
 *
 *   GET   /api/admin/ebooks                      every title, withdrawn too, with categories → StaffEbookList
 *   POST  /api/admin/ebooks?access=open|card     upload: the body is the EPUB or PDF itself,
 *                                                its name URI-encoded in x-file-name       → EbookUploaded
 *   PATCH /api/admin/ebooks/:id                  access, categories, withdraw or restore   → StaffEbook
 *   POST  /api/admin/ebook-categories            a new category                            → EbookCategory
 *   PATCH /api/admin/ebook-categories/:id        rename or reorder one                     → EbookCategory
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API } from '../../shared/api/routes';
import type { EbookUploadRefusal } from '../../shared/ebooks/codes';
import { EbookAccess, type EbookCategory } from '../../shared/ebooks/schemas';
import { CategoryDraft, EbookChange, type EbookUploaded, type StaffEbook, type StaffEbookList } from '../../shared/ebooks/staff-schemas';
import type { HubConfig } from '../config';
import { HttpError } from '../http/http-error';
import { parseBody, parseParams, parseQuery } from '../http/parse-body';
import { acceptStreamedBodies, receiveRequestUpload } from '../http/receive-upload';
import type { HubServices } from '../hub-services';
import { findEbook, listCategories } from './ebook-catalogue';
import { addCategory, changeEbook, shelveBySubjects, staffEbook, staffEbooks, updateCategory } from './ebook-curation';
import { IdParam } from './route-params';
import { storeEbook } from './store-ebook';

/** Upload bodies reach the handler as a stream, never buffered whole. */
const UPLOAD_TYPES = ['application/epub+zip', 'application/pdf', 'application/octet-stream'];
const UploadQuery = z.object({ access: z._default(EbookAccess, 'open') });

const REFUSAL_STATUS: Record<EbookUploadRefusal, number> = {
  'ebook.tooLarge': 413,
  'ebook.unsupportedType': 415,
  'ebook.notZip': 422,
  'ebook.unsafePath': 422,
  'ebook.zipBomb': 422,
  'ebook.encrypted': 422,
  'ebook.noMimetype': 422,
  'ebook.noContainer': 422,
  'ebook.noOpf': 422,
  'ebook.badOpf': 422,
  'ebook.notPdf': 422,
};

export function registerStaffEbookRoutes(app: FastifyInstance, { db, now, audit }: HubServices, { dataDir, ebookMaxBytes: maxBytes }: HubConfig): void {
  const staffEbookOr404 = (id: number): StaffEbook => {
    const ebook = staffEbook(db, id);
    if (!ebook) throw new HttpError(404, 'ebook.unknown');
    return ebook;
  };

  acceptStreamedBodies(app, UPLOAD_TYPES);

  app.get(API.staffEbooks, async (_request, reply): Promise<StaffEbookList> => {
    void reply.header('cache-control', 'no-store');
    return { ebooks: staffEbooks(db), categories: listCategories(db) };
  });

  app.post(API.staffEbooks, async (request, reply): Promise<EbookUploaded> => {
    const { access } = parseQuery(UploadQuery, request.query);
    const upload = await receiveRequestUpload(request, join(dataDir, 'uploads'), maxBytes, 'ebook.tooLarge');
    try {
      const stored = await storeEbook({ db, dataDir, filePath: upload.path, originalName: upload.fileName, maxBytes, access, now });
      if (!stored.ok) throw new HttpError(REFUSAL_STATUS[stored.code], stored.code);
      const record = findEbook(db, stored.id);
      if (!stored.duplicate && record) shelveBySubjects(db, record, now());
      request.log.info({ staff: request.staff?.username, ebookId: stored.id, duplicate: stored.duplicate }, 'e-book uploaded');
      if (!stored.duplicate) audit.recordRequest(request, 'ebook.uploaded', record?.title ?? null);
      void reply.code(stored.duplicate ? 200 : 201);
      return { ebook: staffEbookOr404(stored.id), duplicate: stored.duplicate };
    } finally {
      await rm(upload.path, { force: true });
    }
  });

  app.patch(API.staffEbook, async (request): Promise<StaffEbook> => {
    const { id } = parseParams(IdParam, request.params, 'ebook.unknown');
    const change = parseBody(EbookChange, request.body);
    const result = changeEbook(db, id, change, now());
    if (!result.ok) throw new HttpError(result.code === 'ebook.unknown' ? 404 : 400, result.code);
    request.log.info({ staff: request.staff?.username, ebookId: id, change }, 'e-book changed');
    const changed = staffEbookOr404(id);
    audit.recordRequest(request, change.withdrawn === undefined ? 'ebook.changed' : change.withdrawn ? 'ebook.withdrawn' : 'ebook.restored', changed.title);
    return changed;
  });

  app.post(API.staffEbookCategories, async (request, reply): Promise<EbookCategory> => {
    const draft = parseBody(CategoryDraft, request.body);
    const id = addCategory(db, draft);
    audit.recordRequest(request, 'category.added', draft.nameZh);
    void reply.code(201);
    return { id, ...draft };
  });

  app.patch(API.staffEbookCategory, async (request): Promise<EbookCategory> => {
    const draft = parseBody(CategoryDraft, request.body);
    const { id } = parseParams(IdParam, request.params, 'category.unknown');
    if (!updateCategory(db, id, draft)) throw new HttpError(404, 'category.unknown');
    audit.recordRequest(request, 'category.changed', draft.nameZh);
    return { id, ...draft };
  });
}
