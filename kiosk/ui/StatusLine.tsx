import type { ComponentChildren, FunctionComponent } from 'preact';
import type { ScanStatus } from '../session/session-types';
import { CheckIcon, CrossIcon, PendingIcon } from './icons';

const ICONS: Record<ScanStatus, FunctionComponent> = { pending: PendingIcon, ok: CheckIcon, refused: CrossIcon };

/** A row's outcome in words with an icon, never colour alone. */
export function StatusLine({ status, children }: { status: ScanStatus; children: ComponentChildren }) {
  const Icon = ICONS[status];
  return (
    <p class={`status status-${status}`}>
      <span class="status-icon" aria-hidden="true">
        <Icon />
      </span>
      {children}
    </p>
  );
}
