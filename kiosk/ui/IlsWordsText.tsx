import type { IlsWords } from '../../shared/api/schemas';

/**
 * What the library's own system said (SIP2 screen message AF, print lines AG), as it sent it, under
 * our translated text. Not kiosk text to translate (data-book-data); Preact sets it as text, never as HTML.
 */
export function IlsWordsText({ words }: { words: IlsWords }) {
  const printLines = words.printLines ?? [];
  if (!words.screenMessage && printLines.length === 0) return null;
  return (
    <div class="screen-message" data-testid="ils-words" data-book-data>
      {words.screenMessage && <p>{words.screenMessage}</p>}
      {printLines.map((line, index) => (
        <p key={index}>{line}</p>
      ))}
    </div>
  );
}
