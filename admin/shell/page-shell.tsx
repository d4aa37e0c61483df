/**
 * The frame every admin page draws in: its heading, what its last step did (a status) or why it was refused (an
 * alert), and, for a page that first loads what it shows, "loading" or why it failed with Reload. Also the
 * confirmation a destructive step asks for first.
 */
import type { ComponentChildren } from 'preact';
import type { StaffMessageKey } from '../../shared/i18n/staff';
import { useT } from './i18n-context';
import type { PageNotice } from './page-machine';
import './page-shell.css';

/** What a loading page shows: `ready` is its content, which the page draws itself. */
export interface PageLoad {
  state: 'loading' | 'failed' | 'ready';
  error: StaffMessageKey | null;
  onReload: () => void;
  /** What "loading" says, if not the general text. */
  loading?: StaffMessageKey;
}

interface PageShellProps {
  /** The page's own class, e.g. `staff-page`. */
  className: string;
  title: string;
  /** A page of forms and tables: its controls are at least 44 px tall. */
  tall?: boolean;
  notice?: PageNotice | null;
  load?: PageLoad;
  children?: ComponentChildren;
}

export function PageShell({ className, title, tall = false, notice = null, load, children }: PageShellProps) {
  return (
    <div class={`admin-page-frame ${className}${tall ? ' tall-controls' : ''}`}>
      <h1>{title}</h1>
      <Notice notice={notice} />
      {load && <LoadState load={load} />}
      {children}
    </div>
  );
}

export function Notice({ notice }: { notice: PageNotice | null }) {
  const t = useT();
  if (!notice) return null;
  return (
    <p role={notice.tone === 'done' ? 'status' : 'alert'} class={`notice ${notice.tone}`}>
      {t(notice.key, notice.params)}
    </p>
  );
}

/** A refusal kept as a bare message key (`context.error`) as a notice. */
export const refused = (key: StaffMessageKey | null): PageNotice | null => (key ? { key, tone: 'refused' } : null);

/** Loading, or why it failed with Reload; nothing once ready. PageShell shows it under the heading; a page with a list of its own shows it there. */
export function LoadState({ load }: { load: PageLoad }) {
  const t = useT();
  if (load.state === 'loading') return <p role="status">{t(load.loading ?? 'admin.staff.loading')}</p>;
  if (load.state === 'ready' || !load.error) return null;
  return (
    <div class="load-failed" role="alert">
      <p>{t(load.error)}</p>
      <button type="button" class="button" onClick={load.onReload}>
        {t('admin.ebooks.reload')}
      </button>
    </div>
  );
}

interface ConfirmProps {
  /** The question's element id, unique on the page. */
  id: string;
  question: string;
  yes: string;
  no: string;
  /** The step confirmed cannot be undone (revoke, delete): the yes button says so. */
  danger?: boolean;
  /** Classes besides `confirm`, e.g. to show it as a panel of its own. */
  className?: string;
  busy?: boolean;
  onYes: () => void;
  onNo: () => void;
}

export function ConfirmDialog({ id, question, yes, no, danger = false, className, busy = false, onYes, onNo }: ConfirmProps) {
  return (
    <div role="alertdialog" aria-labelledby={id} class={className ? `confirm ${className}` : 'confirm'}>
      <p id={id}>{question}</p>
      <button type="button" class={danger ? 'button danger' : 'button primary'} disabled={busy} onClick={onYes}>
        {yes}
      </button>
      <button type="button" class="button" onClick={onNo}>
        {no}
      </button>
    </div>
  );
}
