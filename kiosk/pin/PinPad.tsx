import { useSend, useSession, useT } from '../session/use-session';
import { Button } from '../ui/Button';
import { NoticeText } from '../ui/NoticeText';
import { NumberPad } from '../ui/NumberPad';
import { PinDots } from './PinDots';

/** A PIN typed on the number pad: dots for the digits so far, the session's notice, Cancel. */
export function PinPad({ title, lead }: { title: string; lead?: string }) {
  const t = useT();
  const send = useSend();
  const length = useSession((snapshot) => snapshot.context.entry.length);
  const notice = useSession((snapshot) => snapshot.context.notice);
  return (
    <section class="pad-screen">
      <div class="pad-screen-text">
        <h1>{title}</h1>
        {lead && (
          <p class="lead" aria-live="polite">
            {lead}
          </p>
        )}
        <PinDots length={length} />
        <NoticeText notice={notice} />
        <Button onClick={() => send({ type: 'signIn.cancelled' })}>{t('action.cancel')}</Button>
      </div>
      <NumberPad />
    </section>
  );
}
