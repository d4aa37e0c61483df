/**
 * Plain text of an HTML fragment, such as an OPF description. Descriptions are rarely
 * well-formed (`<p>one<p>two`, `<br>`), which an XML parser rejects, so this is a small
 * scanner instead: it drops tags, comments and script/style content, turns block tags into
 * line breaks and decodes the text between them with `entities` (every HTML named and numeric
 * reference, as browsers read them). The result is text, never markup, and holds no character
 * XML forbids.
 */
import { decodeHTML } from 'entities';
import { withoutXmlForbidden } from '../../shared/ebooks/xml-chars';

const LINE_BREAKING = new Set(['p', 'br', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);
const SKIPPED_CONTENT = new Set(['script', 'style']);

export function htmlToPlainText(html: string): string {
  let out = '';
  let text = '';
  let i = 0;
  while (i < html.length) {
    const char = html[i]!;
    if (char === '<' && startsMarkup(html[i + 1])) {
      out += decodeHTML(text);
      text = '';
      i = skipMarkup(html, i, (tagName) => {
        if (LINE_BREAKING.has(tagName)) out += '\n';
      });
    } else {
      text += char;
      i += 1;
    }
  }
  out += decodeHTML(text);
  return withoutXmlForbidden(out)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** As in browsers: `<` followed by anything but a letter, `/` or `!` is just text ("5 < 6"). */
function startsMarkup(next: string | undefined): boolean {
  return next !== undefined && /[A-Za-z/!?]/.test(next);
}

/** Index just past the comment or tag at `start` (past the closing tag for script/style). */
function skipMarkup(html: string, start: number, onTag: (lowerName: string) => void): number {
  if (html.startsWith('<!--', start)) {
    const end = html.indexOf('-->', start + 4);
    return end === -1 ? html.length : end + 3;
  }
  const end = html.indexOf('>', start);
  if (end === -1) return html.length;
  const name = tagName(html.slice(start + 1, end));
  onTag(name);
  if (SKIPPED_CONTENT.has(name) && html[start + 1] !== '/') {
    const close = html.toLowerCase().indexOf(`</${name}`, end);
    return close === -1 ? html.length : skipMarkup(html, close, () => undefined);
  }
  return end + 1;
}

function tagName(inside: string): string {
  let name = '';
  for (const char of inside.startsWith('/') ? inside.slice(1) : inside) {
    if (!/[A-Za-z0-9]/.test(char)) break;
    name += char.toLowerCase();
  }
  return name;
}
