import { useSend, useSession, useT } from '../session/use-session';
import { Button } from '../ui/Button';
import { NoticeText } from '../ui/NoticeText';
import { NumberPad } from '../ui/NumberPad';
import { PinDots } from './PinDots';

export function PinChange() {
  const t = useT();
  const send = useSend();
  const length = useSession((snapshot) => snapshot.context.entry.length);
  const notice = useSession((snapshot) => snapshot.context.notice);
  const step = useSession((snapshot) =>
    snapshot.matches({ flow: { pinChange: 'saving' } })
      ? 'saving'
      : snapshot.matches({ flow: { pinChange: 'confirming' } })
        ? 'confirming'
        : 'choosing',
  );
  if (step === 'saving') {
    return (
      <section class="waiting" aria-busy="true">
        <h1 aria-live="polite">{t('pinChange.saving')}</h1>
      </section>
    );
  }
  return (
    <section class="pad-screen">
      <div class="pad-screen-text">
        <h1>{t('pinChange.title')}</h1>
        <p class="lead" aria-live="polite">
          {step === 'choosing' ? t('pinChange.choose') : t('pinChange.confirm')}
        </p>
        <PinDots length={length} />
        <NoticeText notice={notice} />
        <Button onClick={() => send({ type: 'signIn.cancelled' })}>{t('action.cancel')}</Button>
      </div>
      <NumberPad />
    </section>
  );
}
