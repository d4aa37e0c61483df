import { useSession, useT } from '../session/use-session';
import { PinPad } from './PinPad';

export function PinChange() {
  const t = useT();
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
  return <PinPad title={t('pinChange.title')} lead={step === 'choosing' ? t('pinChange.choose') : t('pinChange.confirm')} />;
}
