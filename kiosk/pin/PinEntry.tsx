import { useSend, useSession, useT } from '../session/use-session';
import { Button } from '../ui/Button';
import { NoticeText } from '../ui/NoticeText';
import { NumberPad } from '../ui/NumberPad';
import { PinDots } from './PinDots';

export function PinEntry() {
  const t = useT();
  const send = useSend();
  const length = useSession((snapshot) => snapshot.context.entry.length);
  const notice = useSession((snapshot) => snapshot.context.notice);
  return (
    <section class="pad-screen">
      <div class="pad-screen-text">
        <h1>{t('pin.title')}</h1>
        <PinDots length={length} />
        <NoticeText notice={notice} />
        <Button onClick={() => send({ type: 'signIn.cancelled' })}>{t('action.cancel')}</Button>
      </div>
      <NumberPad />
    </section>
  );
}
