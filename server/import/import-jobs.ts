/**
 * Imports in progress, kept in the hub's memory for an hour: the file is read and checked in the background
 * (the admin page polls its progress), then waits for the librarian to confirm the preview. Each job belongs
 * to the staff account that uploaded it.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { IMPORT_PREVIEW_ROWS, IMPORT_PROBLEMS_SHOWN, type ImportedItem, type ImportFormat, type ImportJob, type ImportKind } from '../../shared/import/schemas';
import type { ScanRules } from '../../shared/barcodes';
import type { Clock } from '../clock';
import type { ImportedPatronWithHash } from './patron-pins';
import { readImport, type ReadImport } from './read-import';
import { storeItems, storePatrons, type ImportCounts } from './store-import';

const KEEP_MS = 60 * 60 * 1000;

interface Job {
  readonly staffId: number;
  readonly createdAt: number;
  view: ImportJob;
  read: Extract<ReadImport, { ok: true }> | null;
  /** The barcodes an item import stored, for its labels. */
  barcodes: string[];
}

export interface StartImport {
  staffId: number;
  kind: ImportKind;
  format: ImportFormat;
  fileName: string;
  bytes: Uint8Array;
  rules: ScanRules;
  holdings?: string;
  barcodeStart?: string;
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly db: Database,
    private readonly now: Clock,
  ) {}

  /** Starts reading; the returned promise settles when the job is ready or refused (tests await it, routes do not). */
  start(request: StartImport): { view: ImportJob; done: Promise<void> } {
    this.forgetOld();
    const id = randomBytes(12).toString('base64url');
    const view: ImportJob = {
      id,
      kind: request.kind,
      format: request.format,
      fileName: request.fileName,
      state: 'reading',
      unit: request.format === 'marc' ? 'record' : 'line',
      progress: { done: 0, of: request.bytes.length },
      rows: 0,
      preview: [],
      problems: [],
      problemCount: 0,
      refusal: null,
      result: null,
    };
    const job: Job = { staffId: request.staffId, createdAt: this.now().getTime(), view, read: null, barcodes: [] };
    this.jobs.set(id, job);
    const done = this.read(job, request);
    return { view: { ...view }, done };
  }

  get(id: string, staffId: number): ImportJob | null {
    const job = this.job(id, staffId);
    return job ? { ...job.view } : null;
  }

  barcodesOf(id: string, staffId: number): string[] | null {
    return this.job(id, staffId)?.barcodes ?? null;
  }

  /** Stores the checked rows in one transaction. */
  confirm(id: string, staffId: number): { ok: true; view: ImportJob; counts: ImportCounts } | { ok: false; code: 'import.unknown' | 'import.notReady' | 'import.hasErrors' } {
    const job = this.job(id, staffId);
    if (!job) return { ok: false, code: 'import.unknown' };
    if (job.view.state !== 'ready' || !job.read) return { ok: false, code: 'import.notReady' };
    if (job.view.problemCount > 0) return { ok: false, code: 'import.hasErrors' };
    const read = job.read;
    const counts = read.kind === 'items' ? storeItems(this.db, read.items) : storePatrons(this.db, read.patrons, this.now());
    job.barcodes = read.kind === 'items' ? read.items.map((item) => item.barcode) : [];
    job.read = null;
    job.view = { ...job.view, state: 'done', result: counts };
    return { ok: true, view: { ...job.view }, counts };
  }

  private job(id: string, staffId: number): Job | null {
    const job = this.jobs.get(id);
    return job && job.staffId === staffId ? job : null;
  }

  private async read(job: Job, request: StartImport): Promise<void> {
    const onProgress = async (done: number, of: number) => {
      job.view = { ...job.view, progress: { done, of } };
      await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      const read = await readImport(request.bytes, { ...request, onProgress });
      if (!read.ok) {
        job.view = { ...job.view, state: 'refused', refusal: read.refusal, problems: (read.missing ?? []).map((field) => ({ at: 1, code: 'import.required', field })) };
        return;
      }
      const rows: readonly (ImportedItem | ImportedPatronWithHash)[] = read.kind === 'items' ? read.items : read.patrons;
      job.read = read;
      job.view = {
        ...job.view,
        state: 'ready',
        progress: { done: job.view.progress.of, of: job.view.progress.of },
        rows: rows.length,
        preview: read.kind === 'items' ? read.items.slice(0, IMPORT_PREVIEW_ROWS) : read.patrons.slice(0, IMPORT_PREVIEW_ROWS).map(({ cardNumber, name, hasPin, expiresOn, category }) => ({ cardNumber, name, hasPin, expiresOn, category })),
        problems: read.problems.slice(0, IMPORT_PROBLEMS_SHOWN),
        problemCount: read.problems.length,
      };
    } catch (error) {
      job.view = { ...job.view, state: 'refused', refusal: 'import.failed' };
      throw error;
    }
  }

  private forgetOld(): void {
    const oldest = this.now().getTime() - KEEP_MS;
    for (const [id, job] of this.jobs) if (job.createdAt < oldest) this.jobs.delete(id);
  }
}
