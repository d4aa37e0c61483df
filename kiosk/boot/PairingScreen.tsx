import { useEffect } from 'preact/hooks';
import type { Actor } from 'xstate';
import type { Translate } from '../../shared/i18n';
import { useSelector } from '../../shared/ui/use-selector';
import type { pairingMachine, PairingEvent } from '../fleet/pairing-machine';
import { PAIRING_CODE_LENGTH } from '../fleet/pairing-machine';
import { CrossIcon } from '../ui/icons';
import { NumberPadKeys } from '../ui/NumberPad';

export type PairingActor = Actor<typeof pairingMachine>;

/** A physical keyboard's digits, Backspace and Enter as the pad's keys. */
function keyEvent(key: string): PairingEvent | null {
  if (/^\d$/.test(key)) return { type: 'key.typed', char: key };
  if (key === 'Backspace') return { type: 'key.backspace' };
  if (key === 'Enter') return { type: 'key.enter' };
  return null;
}

/** "Enter the pairing code from the admin panel": six digits on the number pad, then OK. */
export function PairingScreen({ t, actor }: { t: Translate; actor: PairingActor }) {
  const code = useSelector(actor, (snapshot) => snapshot.context.code);
  const notice = useSelector(actor, (snapshot) => snapshot.context.notice);
  const busy = useSelector(actor, (snapshot) => snapshot.matches('pairing'));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const padEvent = keyEvent(event.key);
      if (padEvent === null) return;
      event.preventDefault();
      actor.send(padEvent);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actor]);

  return (
    <main class="screen" data-screen="pairing" aria-busy={busy}>
      <section class="pad-screen">
        <div class="pad-screen-text">
          <h1>{t('pairing.title')}</h1>
          <p class="lead" id="pairing-prompt">
            {t('pairing.prompt')}
          </p>
          <p class="entry-label" id="pairing-label">
            {t('pairing.code')}
          </p>
          <output class="entry pairing-code" aria-labelledby="pairing-label" aria-live="polite">
            {code.padEnd(PAIRING_CODE_LENGTH, '·')}
          </output>
          {/* Outside a session: NoticeText reads the session's translator, so this is its markup with the boot screen's. */}
          <p class="notice notice-refusal" aria-live="polite" data-testid="notice">
            {busy ? t('pairing.working') : notice && (
              <>
                <CrossIcon />
                {t(notice.key, notice.params)}
              </>
            )}
          </p>
        </div>
        <NumberPadKeys t={t} send={(event) => actor.send(event)} />
      </section>
    </main>
  );
}
