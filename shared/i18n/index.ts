import type { Language } from '../api/schemas';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const dictionaries: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Looks up a message and fills `{name}` placeholders. Unknown placeholders stay visible, so tests catch them. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return fillPlaceholders(dictionaries[language][key], params);
}

export function fillPlaceholders(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translatorFor(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}

/** Dates as a patron reads them: 2026年12月25日 / 25 Dec 2026; on the hub, in the library's `timeZone`. */
export function formatDate(language: Language, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: language === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    timeZone,
  }).format(new Date(iso));
}

export function isLanguage(value: unknown): value is Language {
  return value === 'zh-CN' || value === 'en';
}
