import type { Translate } from '../../shared/i18n';
import { useSend, useT } from '../session/use-session';
import { Button } from './Button';
import { BackspaceIcon } from './icons';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The keys the pad sends: the same events the physical keyboard sends on keypad screens. */
export type PadEvent = { type: 'key.typed'; char: string } | { type: 'key.backspace' } | { type: 'key.clear' } | { type: 'key.enter' };

/** The on-screen pad of a session screen. */
export function NumberPad() {
  return <NumberPadKeys t={useT()} send={useSend()} />;
}

/** The pad itself, for screens outside a session too (pairing). */
export function NumberPadKeys({ t, send }: { t: Translate; send: (event: PadEvent) => void }) {
  return (
    <div class="number-pad">
      {DIGITS.map((digit) => (
        <Button key={digit} keepFocus onClick={() => send({ type: 'key.typed', char: digit })} size="large">
          {digit}
        </Button>
      ))}
      <Button keepFocus onClick={() => send({ type: 'key.clear' })}>
        {t('pad.clear')}
      </Button>
      <Button keepFocus onClick={() => send({ type: 'key.typed', char: '0' })} size="large">
        0
      </Button>
      <Button keepFocus onClick={() => send({ type: 'key.backspace' })}>
        <BackspaceIcon />
        {t('pad.backspace')}
      </Button>
      <Button keepFocus variant="primary" size="large" class="number-pad-ok" onClick={() => send({ type: 'key.enter' })}>
        {t('pad.ok')}
      </Button>
    </div>
  );
}
