/** The panel's language, chosen once at load (`?lang=en`, default zh-CN), for every component below the app. */
import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { Language } from '../../shared/api/schemas';
import { staffTranslatorFor, type StaffTranslate } from '../../shared/i18n/staff';

export const LanguageContext = createContext<Language>('zh-CN');

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export function useT(): StaffTranslate {
  const language = useLanguage();
  return useMemo(() => staffTranslatorFor(language), [language]);
}
