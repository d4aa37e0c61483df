/** Generated demo covers: the title and author on a coloured card, SVG rendered to PNG by sharp. */
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import type { DemoBook } from './demo-books';
import { escapeXml } from '../../http/escape-xml';

const WIDTH = 600;
const HEIGHT = 900;
const HAN = /\p{Script=Han}/u;

/** sharp renders SVG text through fontconfig; without a CJK font, Chinese would come out as boxes. */
function cjkFontInstalled(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', timeout: 5000 }).trim() !== '';
  } catch {
    return false;
  }
}

let cjkFont: boolean | undefined;

export async function renderCover(book: DemoBook): Promise<Buffer> {
  cjkFont ??= cjkFontInstalled();
  const title = HAN.test(book.title) && !cjkFont ? book.latinTitle : book.title;
  const author = book.authors.some((a) => HAN.test(a)) && !cjkFont ? '' : book.authors.join(', ');
  return sharp(Buffer.from(coverSvg(book.color, title, author))).png().toBuffer();
}

function coverSvg(color: string, title: string, author: string): string {
  const lines = wrap(title, HAN.test(title) ? 5 : 16);
  const size = HAN.test(title) ? 96 : 54;
  const top = 300 - ((lines.length - 1) * size * 1.25) / 2;
  const titleLines = lines
    .map((line, i) => `<text x="${WIDTH / 2}" y="${top + i * size * 1.25}" font-size="${size}" font-weight="bold">${escapeXml(line)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <rect width="100%" height="100%" fill="${color}"/>
  <rect x="36" y="36" width="${WIDTH - 72}" height="${HEIGHT - 72}" fill="none" stroke="#f4e9d8" stroke-width="4"/>
  <g fill="#f4e9d8" text-anchor="middle" font-family="Noto Serif CJK SC, Noto Sans CJK SC, WenQuanYi Zen Hei, DejaVu Serif, serif">
    ${titleLines}
    <text x="${WIDTH / 2}" y="${HEIGHT - 120}" font-size="40">${escapeXml(author)}</text>
  </g>
</svg>`;
}

/** Breaks at spaces for Latin titles, every `perLine` characters for Chinese ones. */
function wrap(text: string, perLine: number): string[] {
  if (HAN.test(text)) {
    const chars = [...text];
    return Array.from({ length: Math.ceil(chars.length / perLine) }, (_, i) => chars.slice(i * perLine, (i + 1) * perLine).join(''));
  }
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
