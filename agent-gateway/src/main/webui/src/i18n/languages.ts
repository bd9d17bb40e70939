/** The languages of the product; the first is the fallback. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The language to start in: the one the user chose before (kept in localStorage), else the first of the
 * browser's languages we have, else English.
 */
export function initialLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  const candidates = [stored, ...browserLanguages];
  for (const candidate of candidates) {
    const base = candidate?.toLowerCase().split('-')[0];
    if (base && (LANGUAGES as readonly string[]).includes(base)) return base as Language;
  }
  return LANGUAGES[0];
}

/**
 * The locale to format dates and times with: the browser's own variant of the page's language when it has one
 * (an en-GB browser reading the English page gets 24-hour times), else the page's language.
 */
export function formattingLocale(language: string, browserLanguages: readonly string[] = navigatorLanguages()): string {
  const base = language.toLowerCase().split('-')[0];
  return browserLanguages.find((candidate) => candidate.toLowerCase().split('-')[0] === base) ?? language;
}

function navigatorLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
}
