import { useT } from '../session/use-session';
import { Button } from '../ui/Button';
import type { EbooksEvent } from './ebooks-machine';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Letters for pinyin and initials (hlm → 红楼梦); the system keyboard works as well. */
export function LetterKeyboard({ send }: { send: (event: EbooksEvent) => void }) {
  const t = useT();
  return (
    <div class="letter-keyboard" id="letter-keyboard" role="group" aria-label={t('ebooks.keyboard.label')}>
      {ROWS.map((row) => (
        <div class="letter-row" key={row}>
          {[...row].map((letter) => (
            <Button key={letter} keepFocus class="letter-key" onClick={() => send({ type: 'query.typed', char: letter })}>
              {letter}
            </Button>
          ))}
        </div>
      ))}
      <div class="letter-row">
        <Button keepFocus class="letter-key-wide" onClick={() => send({ type: 'query.typed', char: ' ' })}>
          {t('ebooks.keyboard.space')}
        </Button>
        <Button keepFocus class="letter-key-wide" onClick={() => send({ type: 'query.backspace' })}>
          {t('pad.backspace')}
        </Button>
        <Button keepFocus class="letter-key-wide" onClick={() => send({ type: 'query.cleared' })}>
          {t('ebooks.keyboard.clear')}
        </Button>
        <Button class="letter-key-wide" onClick={() => send({ type: 'keyboard.closed' })}>
          {t('ebooks.keyboard.hide')}
        </Button>
      </div>
    </div>
  );
}
