/**
 * A generated cover for items without a real one: the title and author on a colour taken
 * from the ISBN, so the same book always looks the same.
 */
import type { Item } from '../../shared/api/schemas';
import { escapeXml } from '../http/escape-xml';

const WIDTH = 200;
const HEIGHT = 300;
/** Roughly how many characters fit on a line; a CJK character is counted double. */
const LINE_UNITS = 16;
const MAX_TITLE_LINES = 4;

export function renderCoverSvg(item: Pick<Item, 'title' | 'author' | 'isbn' | 'barcode'>): string {
  const hue = hashOf(item.isbn ?? item.barcode) % 360;
  const titleLines = wrap(item.title, LINE_UNITS, MAX_TITLE_LINES);
  const title = titleLines
    .map((line, i) => `<tspan x="20" dy="${i === 0 ? 0 : 30}">${escapeXml(line)}</tspan>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img">`,
    `<title>${escapeXml(item.title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="hsl(${hue} 45% 32%)"/>`,
    `<rect x="12" y="12" width="${WIDTH - 24}" height="${HEIGHT - 24}" fill="none" stroke="hsl(${hue} 60% 80%)" stroke-width="2"/>`,
    `<text x="20" y="70" fill="#fff" font-family="sans-serif" font-size="22" font-weight="bold">${title}</text>`,
    `<text x="20" y="${HEIGHT - 36}" fill="hsl(${hue} 60% 88%)" font-family="sans-serif" font-size="16">${escapeXml(truncate(item.author, LINE_UNITS))}</text>`,
    '</svg>',
  ].join('');
}

function hashOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash;
}

function widthOf(char: string): number {
  return /[\u2E80-\uFFEF]/.test(char) ? 2 : 1;
}

/** Breaks at spaces when it can, anywhere between CJK characters; the last line gets an ellipsis if cut. */
function wrap(text: string, units: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const token of text.split(/(\s+|[\u2E80-\uFFEF])/).filter(Boolean)) {
    const width = [...token].reduce((sum, char) => sum + widthOf(char), 0);
    if (used + width > units && line.trim()) {
      lines.push(line.trim());
      line = '';
      used = 0;
    }
    if (!line && /^\s+$/.test(token)) continue;
    line += token;
    used += width;
  }
  if (line.trim()) lines.push(line.trim());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${truncate(kept[maxLines - 1] ?? '', units - 1)}…`;
  return kept;
}

function truncate(text: string, units: number): string {
  let used = 0;
  let out = '';
  for (const char of text) {
    used += widthOf(char);
    if (used > units) return `${out}…`;
    out += char;
  }
  return out;
}
