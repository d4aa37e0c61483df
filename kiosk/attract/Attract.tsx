import { useSend, useSession, useT } from '../session/use-session';
import { Button } from '../ui/Button';
import { BookIcon, ReturnIcon } from '../ui/icons';
import { NoticeText } from '../ui/NoticeText';

export function Attract() {
  const t = useT();
  const send = useSend();
  const notice = useSession((snapshot) => snapshot.context.notice);
  return (
    <section class="attract">
      <h1>{t('attract.welcome')}</h1>
      <p class="lead">{t('attract.hint')}</p>
      <NoticeText notice={notice} />
      <div class="big-actions">
        <Button variant="primary" size="huge" onClick={() => send({ type: 'borrow.chosen' })}>
          <BookIcon />
          {t('action.borrow')}
        </Button>
        <Button variant="primary" size="huge" onClick={() => send({ type: 'return.chosen' })}>
          <ReturnIcon />
          {t('action.return')}
        </Button>
      </div>
    </section>
  );
}
