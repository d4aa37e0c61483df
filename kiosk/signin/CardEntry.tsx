import { CameraPanel } from '../scanning/camera/CameraPanel';
import { useSend, useSession, useT } from '../session/use-session';
import { Button } from '../ui/Button';
import { NoticeText } from '../ui/NoticeText';
import { NumberPad } from '../ui/NumberPad';

export function CardEntry() {
  const t = useT();
  const send = useSend();
  const entry = useSession((snapshot) => snapshot.context.entry);
  const notice = useSession((snapshot) => snapshot.context.notice);
  return (
    <section class="pad-screen">
      <div class="pad-screen-text">
        <h1>{t('cardEntry.title')}</h1>
        <p class="lead">{t('cardEntry.hint')}</p>
        <p class="entry-label" id="card-label">
          {t('cardEntry.label')}
        </p>
        <output class="entry" aria-labelledby="card-label" aria-live="polite">
          {entry}
        </output>
        <NoticeText notice={notice} />
        <Button onClick={() => send({ type: 'signIn.cancelled' })}>{t('action.cancel')}</Button>
        <CameraPanel guide="card" />
      </div>
      <NumberPad />
    </section>
  );
}
