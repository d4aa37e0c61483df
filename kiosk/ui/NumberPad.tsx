import { useSend, useT } from '../session/use-session';
import { Button } from './Button';
import { BackspaceIcon } from './icons';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The on-screen pad. It sends the same events as the physical keyboard does on keypad screens. */
export function NumberPad() {
  const t = useT();
  const send = useSend();
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
