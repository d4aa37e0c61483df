import { useSend, useSession, useT } from '../session/use-session';
import { Button } from '../ui/Button';
import { PrinterIcon } from '../ui/icons';

export function Finish() {
  const t = useT();
  const send = useSend();
  const printing = useSession((snapshot) => snapshot.matches({ flow: { finish: 'printing' } }));
  if (printing) {
    return (
      <section class="waiting" aria-busy="true">
        <h1 aria-live="polite">{t('finish.printing')}</h1>
      </section>
    );
  }
  return (
    <section class="finish">
      <h1>{t('finish.title')}</h1>
      <div class="big-actions">
        <Button variant="primary" size="huge" onClick={() => send({ type: 'receipt.print' })}>
          <PrinterIcon />
          {t('finish.print')}
        </Button>
        <Button size="huge" onClick={() => send({ type: 'receipt.skip' })}>
          {t('finish.noReceipt')}
        </Button>
      </div>
    </section>
  );
}
