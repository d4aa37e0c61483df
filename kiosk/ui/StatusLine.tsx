import type { ComponentChildren } from 'preact';
import type { ScanStatus } from '../session/session-types';

const ICONS: Record<ScanStatus, string> = { pending: '…', ok: '✓', refused: '✕' };

/** A row's outcome in words with an icon, never colour alone. */
export function StatusLine({ status, children }: { status: ScanStatus; children: ComponentChildren }) {
  return (
    <p class={`status status-${status}`}>
      <span class="status-icon" aria-hidden="true">
        {ICONS[status]}
      </span>
      {children}
    </p>
  );
}
