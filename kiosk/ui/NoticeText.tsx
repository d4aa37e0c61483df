import type { Notice } from '../session/notices';
import { useT } from '../session/use-session';
import { CrossIcon, InfoIcon } from './icons';

/** A translated notice in a polite live region, so screen readers announce it when it appears. */
export function NoticeText({ notice, tone = 'refusal' }: { notice: Notice | null; tone?: 'refusal' | 'info' }) {
  const t = useT();
  return (
    <p class={`notice notice-${tone}`} aria-live="polite" data-testid="notice">
      {notice && (
        <>
          {tone === 'refusal' ? <CrossIcon /> : <InfoIcon />}
          {t(notice.key, notice.params)}
        </>
      )}
    </p>
  );
}
