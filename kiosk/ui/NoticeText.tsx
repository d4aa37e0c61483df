import type { Notice } from '../session/notices';
import { useT } from '../session/use-session';

/** A translated notice in a polite live region, so screen readers announce it when it appears. */
export function NoticeText({ notice, tone = 'refusal' }: { notice: Notice | null; tone?: 'refusal' | 'info' }) {
  const t = useT();
  return (
    <p class={`notice notice-${tone}`} aria-live="polite" data-testid="notice">
      {notice && (
        <>
          <span aria-hidden="true">{tone === 'refusal' ? '✕ ' : 'ℹ '}</span>
          {t(notice.key, notice.params)}
        </>
      )}
    </p>
  );
}
