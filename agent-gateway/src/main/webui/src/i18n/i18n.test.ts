import { formattingLocale, initialLanguage, LANGUAGES, resources } from './index';

function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object'
      ? keys(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('translations', () => {
  const all = resources();

  it('exist for every language', () => {
    expect(Object.keys(all).sort()).toEqual([...LANGUAGES].sort());
  });

  it('have the same namespaces and keys in every language', () => {
    const [reference, ...others] = LANGUAGES;
    for (const other of others) {
      expect(Object.keys(all[other]).sort()).toEqual(Object.keys(all[reference]).sort());
      for (const namespace of Object.keys(all[reference])) {
        expect({ namespace, keys: keys(all[other][namespace]).sort() }).toEqual({
          namespace,
          keys: keys(all[reference][namespace]).sort(),
        });
      }
    }
  });

  it('have no empty text', () => {
    for (const language of LANGUAGES) {
      for (const [namespace, tree] of Object.entries(all[language])) {
        const empty = keys(tree).filter((key) => {
          const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
          return typeof value !== 'string' || value.trim() === '';
        });
        expect({ language, namespace, empty }).toEqual({ language, namespace, empty: [] });
      }
    }
  });
});

describe('initialLanguage', () => {
  it('prefers the language the user chose', () => {
    expect(initialLanguage('fr', ['en-US'])).toBe('fr');
  });
  it('takes the first browser language the product has', () => {
    expect(initialLanguage(null, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
  });
  it('falls back to English', () => {
    expect(initialLanguage(null, ['de-DE'])).toBe('en');
  });
});

describe('formattingLocale', () => {
  it("takes the browser's own variant of the page's language", () => {
    expect(formattingLocale('en', ['en-GB', 'fr-FR'])).toBe('en-GB');
    expect(formattingLocale('fr', ['en-GB', 'fr-CA'])).toBe('fr-CA');
  });
  it("keeps the page's language when the browser has no variant of it", () => {
    expect(formattingLocale('fr', ['en-US'])).toBe('fr');
  });
});
