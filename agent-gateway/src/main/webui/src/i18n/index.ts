import i18next, { type i18n } from 'i18next';
import { initialLanguage, LANGUAGES } from './languages';

// The language rules live apart from i18next so that the widget loader (widget.js) can use them without it.
export { LANGUAGES, initialLanguage, formattingLocale, type Language } from './languages';

const STORAGE_KEY = 'livechat.language';

// Every translation file under locales/<language>/<namespace>.json, bundled at build time.
const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json', { eager: true });

export function resources(): Record<string, Record<string, Record<string, unknown>>> {
  const result: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, module] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match;
    (result[language] ??= {})[namespace] = module.default;
  }
  return result;
}

/** Starts i18next for a page (namespaces: common plus the page's own) and keeps <html lang> in step. */
export async function startI18n(namespaces: string[]): Promise<i18n> {
  const stored = safeStorage()?.getItem(STORAGE_KEY) ?? null;
  const instance = i18next.createInstance();
  await instance.init({
    resources: resources(),
    lng: initialLanguage(stored, navigator.languages ?? [navigator.language]),
    fallbackLng: LANGUAGES[0],
    ns: ['common', ...namespaces],
    defaultNS: namespaces[0] ?? 'common',
    fallbackNS: 'common',
    interpolation: { escapeValue: false }, // Preact escapes what it renders
    returnNull: false,
  });
  document.documentElement.lang = instance.language;
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    safeStorage()?.setItem(STORAGE_KEY, language);
  });
  return instance;
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage refused (private mode, sandboxed iframe): the language is simply not remembered
  }
}
