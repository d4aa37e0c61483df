/**
 * The admin panel's translations: every patron-facing message (staff see the same outcome codes)
 * plus the staff-only ones. Only the admin panel imports this module.
 */
import type { Language } from '../api/schemas';
import { en } from './en';
import { fillPlaceholders, type MessageKey, type MessageParams } from './index';
import { staffEn } from './staff-en';
import { staffZhCN, type StaffOnlyKey } from './staff-zh-CN';
import { zhCN } from './zh-CN';

export type StaffMessageKey = MessageKey | StaffOnlyKey;
export type StaffTranslate = (key: StaffMessageKey, params?: MessageParams) => string;

const dictionaries: Record<Language, Record<StaffMessageKey, string>> = {
  'zh-CN': { ...zhCN, ...staffZhCN },
  en: { ...en, ...staffEn },
};

export function staffTranslate(language: Language, key: StaffMessageKey, params: MessageParams = {}): string {
  return fillPlaceholders(dictionaries[language][key], params);
}

export function staffTranslatorFor(language: Language): StaffTranslate {
  return (key, params) => staffTranslate(language, key, params);
}
