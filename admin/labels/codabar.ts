/**
 * Codabar as bar and space widths in modules (narrow 1, wide 3; one narrow space between characters), with
 * start and stop A…A. Digits and `-$:/.+` only: the symbology of most library cards and older item labels.
 */
// Seven elements each, bar first; w = wide (the standard table, as in ZXing's CHARACTER_ENCODINGS).
const CHARACTERS: Record<string, string> = {
  '0': 'nnnnnww', '1': 'nnnnwwn', '2': 'nnnwnnw', '3': 'wwnnnnn', '4': 'nnwnnwn', '5': 'wnnnnwn', '6': 'nwnnnnw',
  '7': 'nwnnwnn', '8': 'nwwnnnn', '9': 'wnnwnnn', '-': 'nnnwwnn', $: 'nnwwnnn', ':': 'wnnnwnw', '/': 'wnwnnnw',
  '.': 'wnwnwnn', '+': 'nnwnwnw', A: 'nnwwnwn', B: 'nwnwnnw', C: 'nnnwnww', D: 'nnnwwwn',
};
const WIDE = 3;

export function canCodabar(text: string): boolean {
  return text.length > 0 && /^[0-9\-$:/.+]+$/.test(text);
}

export function codabarWidths(text: string): number[] {
  if (!canCodabar(text)) throw new Error(`Codabar cannot draw ${JSON.stringify(text)}`);
  const widths: number[] = [];
  [...`A${text}A`].forEach((char, i) => {
    if (i > 0) widths.push(1);
    for (const element of CHARACTERS[char]!) widths.push(element === 'w' ? WIDE : 1);
  });
  return widths;
}
