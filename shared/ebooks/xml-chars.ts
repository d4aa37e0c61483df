/**
 * Characters XML 1.0 does not allow anywhere, even as references (§2.2): the C0 controls but
 * tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF. One of them in a title
 * makes the OPDS feed unreadable, so the hub drops them when it reads e-book metadata and when it
 * writes XML, and refuses them in what staff type.
 */
const FORBIDDEN = '[^\\t\\n\\r\\u0020-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]';
const ANY_FORBIDDEN = new RegExp(FORBIDDEN, 'u');
const EVERY_FORBIDDEN = new RegExp(FORBIDDEN, 'gu');

export function withoutXmlForbidden(text: string): string {
  return text.replace(EVERY_FORBIDDEN, '');
}

export function hasXmlForbidden(text: string): boolean {
  return ANY_FORBIDDEN.test(text);
}
