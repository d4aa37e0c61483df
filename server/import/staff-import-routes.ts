/**
 * Staff importing items and patrons into the embedded library, and printing item labels. Registered in the
 * staff scope (librarians and admins).
 *
 *   POST /api/admin/imports?kind=items|patrons&format=csv|marc[&holdings=952$p][&barcodeStart=NJ000001]
 *                                        the body is the file, its name URI-encoded in x-file-name → 202 ImportJob
 *   GET  /api/admin/imports/:id          progress, then preview and validation report        → ImportJob
 *   POST /api/admin/imports/:id/confirm  stores it in one transaction (none if it has problems) → ImportJob
 *   GET  /api/admin/labels?import=:id | ?barcodes=a,b[&offset=n]                             → LabelSheet
 *   GET  /api/admin/labels/settings, PUT /api/admin/labels/settings  Code 128 or Codabar      → LabelSettings
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API } from '../../shared/api/routes';
import { ImportUploadQuery, type ImportJob } from '../../shared/import/schemas';
import { LabelQuery, LabelSettings, type LabelSheet } from '../../shared/import/label-schemas';
import type { HubConfig } from '../config';
import { HttpError } from '../http/http-error';
import { parseBody, parseParams, parseQuery } from '../http/parse-body';
import { acceptStreamedBodies, receiveRequestUpload } from '../http/receive-upload';
import type { HubServices } from '../hub-services';
import { loadScanRules } from '../settings/scan-rules';
import { staffOf } from '../staff/require-staff';
import { ImportJobs } from './import-jobs';
import { labelSheet, loadLabelSettings, saveLabelSettings } from './labels';

/** CSV and MARC files as browsers label them; the hub reads the bytes, whatever the label says. */
const UPLOAD_TYPES = ['text/csv', 'application/vnd.ms-excel', 'application/marc', 'application/marcxml+xml', 'application/xml', 'text/xml', 'application/octet-stream'];
const IdParam = z.object({ id: z.string().min(1).max(64) });

export function registerStaffImportRoutes(app: FastifyInstance, { db, now, audit }: HubServices, { dataDir, importMaxBytes }: HubConfig): void {
  const jobs = new ImportJobs(db, now);
  acceptStreamedBodies(app, UPLOAD_TYPES);

  app.post(API.staffImports, async (request, reply): Promise<ImportJob> => {
    const query = parseQuery(ImportUploadQuery, request.query);
    if (query.kind === 'patrons' && query.format !== 'csv') throw new HttpError(400, 'request.invalid');
    const upload = await receiveRequestUpload(request, join(dataDir, 'uploads'), importMaxBytes, 'import.tooLarge');
    let bytes: Buffer;
    try {
      bytes = await readFile(upload.path);
    } finally {
      await rm(upload.path, { force: true });
    }
    const { view, done } = jobs.start({ staffId: staffOf(request).id, ...query, fileName: upload.fileName, bytes, rules: loadScanRules(db) });
    done.catch((error: unknown) => request.log.error({ err: error, importId: view.id }, 'import could not be read'));
    void reply.code(202).header('cache-control', 'no-store');
    return view;
  });

  app.get(API.staffImport, async (request, reply): Promise<ImportJob> => {
    const { id } = parseParams(IdParam, request.params, 'import.unknown');
    const job = jobs.get(id, staffOf(request).id);
    if (!job) throw new HttpError(404, 'import.unknown');
    void reply.header('cache-control', 'no-store');
    return job;
  });

  app.post(API.staffImportConfirm, async (request): Promise<ImportJob> => {
    const { id } = parseParams(IdParam, request.params, 'import.unknown');
    const confirmed = jobs.confirm(id, staffOf(request).id);
    if (!confirmed.ok) throw new HttpError(confirmed.code === 'import.unknown' ? 404 : 409, confirmed.code);
    const { view, counts } = confirmed;
    audit.recordRequest(request, view.kind === 'items' ? 'import.items' : 'import.patrons', `${view.fileName}: +${counts.added} ~${counts.updated}`);
    request.log.info({ staff: request.staff?.username, importId: id, kind: view.kind, ...counts }, 'import stored');
    return view;
  });

  app.get(API.staffLabels, async (request, reply): Promise<LabelSheet> => {
    const query = parseQuery(LabelQuery, request.query);
    const barcodes = query.import === undefined ? (query.barcodes ?? []) : jobs.barcodesOf(query.import, staffOf(request).id);
    if (barcodes === null) throw new HttpError(404, 'import.unknown');
    void reply.header('cache-control', 'no-store');
    return labelSheet(db, barcodes, query.offset);
  });

  app.get(API.staffLabelSettings, async (): Promise<LabelSettings> => loadLabelSettings(db));

  app.put(API.staffLabelSettings, async (request): Promise<LabelSettings> => {
    const settings = parseBody(LabelSettings, request.body);
    saveLabelSettings(db, settings);
    audit.recordRequest(request, 'labels.settingsChanged', settings.symbology);
    return settings;
  });
}
