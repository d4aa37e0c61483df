/** The panel's language, chosen once at load (`?lang=en`, default zh-CN), for every component below the app. */
import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { Language } from '../../shared/api/schemas';
import { translatorFor, type Translate } from '../../shared/i18n';

export const LanguageContext = createContext<Language>('zh-CN');

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export function useT(): Translate {
  const language = useLanguage();
  return useMemo(() => translatorFor(language), [language]);
}
