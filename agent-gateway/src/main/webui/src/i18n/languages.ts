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
