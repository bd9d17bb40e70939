import type { i18n, TFunction } from 'i18next';
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';

const I18nContext = createContext<i18n | null>(null);

/** Gives the page's i18next instance to its components; they re-render when the language changes. */
export function I18nProvider({ i18n, children }: { i18n: i18n; children: ComponentChildren }) {
  const [, setLanguage] = useState(i18n.language);
  useEffect(() => {
    const onChange = (language: string) => setLanguage(language);
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): i18n {
  const instance = useContext(I18nContext);
  if (!instance) throw new Error('useI18n outside I18nProvider');
  return instance;
}

/** The translate function of the current language (every string the user reads comes through it). */
export function useT(): TFunction {
  return useI18n().t;
}
