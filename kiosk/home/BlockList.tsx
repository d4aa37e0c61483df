import type { BlockReason } from '../../shared/circulation/codes';
import { blockNotice } from '../session/notices';
import { useT } from '../session/use-session';
import { WarningIcon } from '../ui/icons';

/** Why this patron may not borrow now, in words. */
export function BlockList({ blocks }: { blocks: BlockReason[] }) {
  const t = useT();
  if (blocks.length === 0) return null;
  return (
    <div class="blocks" role="status">
      <p class="blocks-heading">
        <WarningIcon />
        {t('home.blocked')}
      </p>
      <ul>
        {blocks.map((reason) => {
          const notice = blockNotice(reason);
          return <li key={reason}>{t(notice.key, notice.params)}</li>;
        })}
      </ul>
    </div>
  );
}
